import type { TierErrors } from "./sla-draft";
import type { TierErrorText } from "./use-tier-errors";

export function TierFieldError({
  field,
  errors,
}: {
  field: keyof TierErrors;
  errors: TierErrorText;
}) {
  const message = errors.err(field);
  return (
    message && (
      <p id={errors.errorId(field)} className="mt-1 text-sm text-rose-700">
        {message}
      </p>
    )
  );
}
