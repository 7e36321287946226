import type { ReactNode } from 'react';

/** Small line icons for the toolbar (16 px, current colour). Decorative: buttons carry the label. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="pe-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const icons = {
  bulletList: (
    <Icon>
      <circle cx="3" cy="4" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="3" cy="8" r="0.9" fill="currentColor" stroke="none" />
      <circle cx="3" cy="12" r="0.9" fill="currentColor" stroke="none" />
      <path d="M6 4h8M6 8h8M6 12h8" />
    </Icon>
  ),
  orderedList: (
    <Icon>
      <path d="M2.2 3.2 3.2 2.6v3" strokeWidth="1.2" />
      <path d="M2.2 9.2c.3-.5 1.8-.6 1.8.3 0 .7-1.8 1.3-1.8 2.1h1.9" strokeWidth="1.2" />
      <path d="M7 4h7M7 8h7M7 12h7" />
    </Icon>
  ),
  blockquote: (
    <Icon>
      <path d="M3 3v10" strokeWidth="2" />
      <path d="M7 5h7M7 8h7M7 11h5" />
    </Icon>
  ),
  link: (
    <Icon>
      <path d="M6.6 9.4a2.6 2.6 0 0 0 3.7 0l2.4-2.4a2.6 2.6 0 0 0-3.7-3.7l-.9.9" />
      <path d="M9.4 6.6a2.6 2.6 0 0 0-3.7 0L3.3 9a2.6 2.6 0 0 0 3.7 3.7l.9-.9" />
    </Icon>
  ),
  table: (
    <Icon>
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <path d="M2 6.2h12M2 9.8h12M6 6.2v7.3M10 6.2v7.3" />
    </Icon>
  ),
  horizontalRule: (
    <Icon>
      <path d="M2 8h12" />
      <path d="M4 4.5h8M4 11.5h8" strokeOpacity="0.35" />
    </Icon>
  ),
  suggestion: (
    <Icon>
      <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
      <path d="M5 6h6M5 9h4" />
      <path d="M2 2.5v11" strokeWidth="2.5" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path d="M5.5 3.5 2.5 6.5l3 3" />
      <path d="M2.5 6.5h7a3.5 3.5 0 0 1 0 7H7" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path d="m10.5 3.5 3 3-3 3" />
      <path d="M13.5 6.5h-7a3.5 3.5 0 0 0 0 7H9" />
    </Icon>
  ),
  comment: (
    <Icon>
      <path d="M2.5 3.5h11v7.5H7l-3 2.5v-2.5H2.5z" />
      <path d="M5 6.5h6M5 8.75h4" />
    </Icon>
  ),
};
