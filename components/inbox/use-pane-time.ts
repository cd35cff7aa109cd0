import { useFormatter } from "next-intl";

/** Day, month and time of day: how the pane dates its clocks, touches and decisions. */
export function usePaneTime() {
  const format = useFormatter();
  return (iso: string) =>
    format.dateTime(new Date(iso), {
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
}
