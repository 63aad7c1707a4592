import type { ReactNode } from 'react';

/** Decorative line icons drawn on a 24-unit grid; they inherit the text colour. */
function Icon({ children, size = 20 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export interface IconProps {
  size?: number;
}

export const CampaignsIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M4 10v4h3l7 4V6l-7 4H4z" />
    <path d="M17.5 9.5a3.5 3.5 0 0 1 0 5" />
    <path d="M7 14l1.2 4.5" />
  </Icon>
);

export const MediaIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2.5" />
    <circle cx="9" cy="10" r="1.75" />
    <path d="M4 17l5-4.5 4 3.5 3-2.5 4 3.5" />
  </Icon>
);

export const ReportsIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M4 20h16" />
    <rect x="5.5" y="11" width="3" height="6" rx="1" />
    <rect x="10.5" y="6" width="3" height="11" rx="1" />
    <rect x="15.5" y="13" width="3" height="4" rx="1" />
  </Icon>
);

export const IntegrationsIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M9 3.5v4.5M15 3.5v4.5" />
    <path d="M6.5 8h11v3a5.5 5.5 0 0 1-11 0V8z" />
    <path d="M12 16.5v4" />
  </Icon>
);

export const SettingsIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M4 7h9.5M18.5 7H20M4 17h3.5M12.5 17H20" />
    <circle cx="16" cy="7" r="2.25" />
    <circle cx="10" cy="17" r="2.25" />
  </Icon>
);

export const PlusIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M12 5v14M5 12h14" />
  </Icon>
);

export const CloseIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M6.5 6.5l11 11M17.5 6.5l-11 11" />
  </Icon>
);

export const MenuIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </Icon>
);

export const AlertIcon = ({ size = 16 }: IconProps) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5" />
    <path d="M12 16.5h.01" />
  </Icon>
);

export const CopyIcon = ({ size = 18 }: IconProps) => (
  <Icon size={size}>
    <rect x="8.5" y="8.5" width="11" height="11" rx="2" />
    <path d="M15.5 8.5V6A1.5 1.5 0 0 0 14 4.5H6A1.5 1.5 0 0 0 4.5 6v8A1.5 1.5 0 0 0 6 15.5h2.5" />
  </Icon>
);

export const CheckIcon = ({ size = 18 }: IconProps) => (
  <Icon size={size}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Icon>
);

export const LogOutIcon = ({ size = 18 }: IconProps) => (
  <Icon size={size}>
    <path d="M14 4.5h3.5A1.5 1.5 0 0 1 19 6v12a1.5 1.5 0 0 1-1.5 1.5H14" />
    <path d="M10 8l-4 4 4 4M6 12h9" />
  </Icon>
);

export const TeamIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <circle cx="9" cy="9" r="3.25" />
    <path d="M3.5 19a5.5 5.5 0 0 1 11 0" />
    <path d="M15.5 6.2a3 3 0 0 1 0 5.6M17.5 14.2A5.5 5.5 0 0 1 20.5 19" />
  </Icon>
);

export const ClockIcon = ({ size = 16 }: IconProps) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5V12l3 2" />
  </Icon>
);

export const LinkIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
  </Icon>
);

export const CompassIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M15.5 8.5l-2 5-5 2 2-5 5-2z" />
  </Icon>
);

export const MusicNoteIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M13.5 4v10.5a3.5 3.5 0 1 1-3.5-3.5" />
    <path d="M13.5 4c.6 2.4 2.6 4 5 4" />
  </Icon>
);

export const ExternalLinkIcon = ({ size = 16 }: IconProps) => (
  <Icon size={size}>
    <path d="M13.5 4.5h6v6" />
    <path d="M19.5 4.5l-8 8" />
    <path d="M17.5 13.5v4.5a1.5 1.5 0 0 1-1.5 1.5H6A1.5 1.5 0 0 1 4.5 18V8A1.5 1.5 0 0 1 6 6.5h4.5" />
  </Icon>
);

export const RefreshIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M19.5 12a7.5 7.5 0 1 1-2.2-5.3" />
    <path d="M19.5 4.5v4h-4" />
  </Icon>
);

export const ColumnsIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <rect x="4" y="4.5" width="16" height="15" rx="2" />
    <path d="M9.5 4.5v15M14.5 4.5v15" />
  </Icon>
);

export const ChevronDownIcon = ({ size = 16 }: IconProps) => (
  <Icon size={size}>
    <path d="M6.5 9.5l5.5 5.5 5.5-5.5" />
  </Icon>
);

export const ArrowUpIcon = ({ size = 14 }: IconProps) => (
  <Icon size={size}>
    <path d="M12 19V5M6.5 10.5L12 5l5.5 5.5" />
  </Icon>
);

export const ArrowDownIcon = ({ size = 14 }: IconProps) => (
  <Icon size={size}>
    <path d="M12 5v14M6.5 13.5L12 19l5.5-5.5" />
  </Icon>
);

export const SearchIcon = ({ size = 16 }: IconProps) => (
  <Icon size={size}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4 4" />
  </Icon>
);

export const PencilIcon = ({ size = 16 }: IconProps) => (
  <Icon size={size}>
    <path d="M15.5 5.5l3 3L9 18l-4 1 1-4 9.5-9.5z" />
    <path d="M13.5 7.5l3 3" />
  </Icon>
);

export const MoreIcon = ({ size = 18 }: IconProps) => (
  <Icon size={size}>
    <path d="M6 12h.01M12 12h.01M18 12h.01" strokeWidth={3} />
  </Icon>
);

export const PowerIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M12 4v8" />
    <path d="M7.5 6.8a7 7 0 1 0 9 0" />
  </Icon>
);

export const PauseIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M9 6v12M15 6v12" />
  </Icon>
);

export const TrashIcon = ({ size }: IconProps) => (
  <Icon size={size}>
    <path d="M4.5 7h15M10 4.5h4M6.5 7l1 12.5h9l1-12.5" />
    <path d="M10.5 10.5v6M13.5 10.5v6" />
  </Icon>
);
