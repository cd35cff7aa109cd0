import { useTranslations } from "next-intl";
import type { TierErrors } from "./sla-draft";

/**
 * A tier's field errors as the inputs need them: the message (only once the person tried to save),
 * aria-invalid, and the id of the message for aria-describedby.
 */
export function useTierErrors(id: string, errors: TierErrors, showErrors: boolean) {
  const t = useTranslations("salesSettings.sla");
  const err = (field: keyof TierErrors) =>
    showErrors && errors[field] ? t(`errors.${errors[field]}`) : undefined;
  const invalid = (field: keyof TierErrors) => (err(field) ? true : undefined);
  const errorId = (field: keyof TierErrors) => `${id}-${field}-error`;
  const describedBy = (field: keyof TierErrors) => (err(field) ? errorId(field) : undefined);
  return { err, invalid, describedBy, errorId };
}

export type TierErrorText = ReturnType<typeof useTierErrors>;
