"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * A modal built on the native <dialog>: focus moves in and is trapped, Escape closes, the page
 * behind is inert. `side` slides it in from the right (edit panels), full screen on phones.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  side = false,
  className,
  labelledBy = "dialog-title",
  describedBy,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  side?: boolean;
  className?: string;
  labelledBy?: string;
  /** The element that says what the dialog is about; the description's own id by default. */
  describedBy?: string;
}) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy ?? (description ? `${labelledBy}-description` : undefined)}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === ref.current) onClose(); // a click on the backdrop
      }}
      className={cn(
        "m-0 max-h-dvh bg-transparent p-0 backdrop:bg-slate-900/40",
        side
          ? "ml-auto h-dvh w-full max-w-none sm:w-[34rem]"
          : "mx-auto mt-[8vh] w-[calc(100%-2rem)] max-w-lg",
        className,
      )}
    >
      {open && (
        <div
          className={cn(
            "flex flex-col bg-white shadow-xl",
            side ? "h-full" : "max-h-[84vh] rounded-xl",
          )}
        >
          <div className="flex items-start justify-between gap-4 border-b border-slate-100 px-5 py-4">
            <div className="min-w-0">
              <h2 id={labelledBy} className="text-base font-semibold text-slate-900">
                {title}
              </h2>
              {description && (
                <p id={`${labelledBy}-description`} className="mt-1 text-sm text-slate-600">
                  {description}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={onClose}
              className="-m-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
              aria-label={t("closeDialog")}
            >
              <svg
                viewBox="0 0 24 24"
                width={20}
                height={20}
                fill="none"
                stroke="currentColor"
                strokeWidth={1.8}
                aria-hidden
              >
                <path d="M6 6l12 12M18 6L6 18" />
              </svg>
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && (
            <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 px-5 py-3">
              {footer}
            </div>
          )}
        </div>
      )}
    </dialog>
  );
}
