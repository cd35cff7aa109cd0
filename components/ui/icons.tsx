/** A few inline icons (stroke, 24px grid), so we carry no icon font. */
import type { SVGProps } from "react";

function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      width={20}
      height={20}
      aria-hidden
      {...props}
    >
      {children}
    </svg>
  );
}

export const icons = {
  rules: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M4 6h16M4 12h10M4 18h6" />
      <circle cx="18" cy="16" r="3" />
    </Icon>
  ),
  thresholds: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M4 20V10M9 20V4M14 20v-7M19 20v-4" />
      <path d="M2 9h20" strokeDasharray="2 2" />
    </Icon>
  ),
  inbox: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M4 13l2-8h12l2 8v6H4z" />
      <path d="M4 13h5a3 3 0 006 0h5" />
    </Icon>
  ),
  leads: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20a6.5 6.5 0 0113 0" />
      <path d="M16 4.5a3.5 3.5 0 010 7M18 14a6 6 0 013.5 6" />
    </Icon>
  ),
  reports: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M4 4v16h16" />
      <path d="M8 15l3-4 3 2 5-6" />
    </Icon>
  ),
  import: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M12 15V4M7 9l5-5 5 5M5 14v6h14v-6" />
    </Icon>
  ),
  settings: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <circle cx="12" cy="12" r="3" />
      <path d="M19 12a7 7 0 00-.1-1.2l2-1.6-2-3.4-2.4 1a7 7 0 00-2-1.2L14 3h-4l-.5 2.6a7 7 0 00-2 1.2l-2.4-1-2 3.4 2 1.6a7 7 0 000 2.4l-2 1.6 2 3.4 2.4-1a7 7 0 002 1.2L10 21h4l.5-2.6a7 7 0 002-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2z" />
    </Icon>
  ),
  menu: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M4 7h16M4 12h16M4 17h16" />
    </Icon>
  ),
  close: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M6 6l12 12M18 6L6 18" />
    </Icon>
  ),
  search: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <circle cx="11" cy="11" r="6.5" />
      <path d="M20 20l-4-4" />
    </Icon>
  ),
  download: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
    </Icon>
  ),
  lock: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <rect x="5" y="11" width="14" height="9" rx="2" />
      <path d="M8 11V8a4 4 0 018 0v3" />
    </Icon>
  ),
  arrowLeft: (p: SVGProps<SVGSVGElement>) => (
    <Icon {...p}>
      <path d="M19 12H5M11 6l-6 6 6 6" />
    </Icon>
  ),
  logo: (p: SVGProps<SVGSVGElement>) => (
    <Icon strokeWidth={2.2} {...p}>
      <path d="M4 17l5-10 3 6 3-4 5 8" />
    </Icon>
  ),
} as const;
