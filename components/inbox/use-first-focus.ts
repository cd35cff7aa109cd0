import { useEffect, useRef } from "react";

/** Focus the form's first control once the dialog has opened (showModal runs after children mount). */
export function useFirstFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return ref;
}
