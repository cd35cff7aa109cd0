import type { KeyboardEvent } from "react";

/** Enter submits from any control but a text area (radio buttons and selects included). */
export function submitOnEnter(e: KeyboardEvent<HTMLFormElement>) {
  if (
    e.key !== "Enter" ||
    (e.target as HTMLElement).tagName === "TEXTAREA" ||
    (e.target as HTMLElement).tagName === "BUTTON"
  )
    return;
  e.preventDefault();
  e.currentTarget.requestSubmit();
}
