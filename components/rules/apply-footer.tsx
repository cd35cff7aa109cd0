import { Button } from "@/components/ui/button";

export type ApplyMessage = { ok: boolean; text: string } | null;

/** The outcome of the last "apply" of an editor card, and the button (only for editors). */
export function ApplyFooter({
  message,
  editable,
  label,
  onApply,
}: {
  message: ApplyMessage;
  editable: boolean;
  label: string;
  onApply: () => void;
}) {
  return (
    <>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={message.ok ? "text-sm text-emerald-700" : "text-sm text-rose-700"}
        >
          {message.text}
        </p>
      )}
      {editable && (
        <Button variant="secondary" onClick={onApply}>
          {label}
        </Button>
      )}
    </>
  );
}
