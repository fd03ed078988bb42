import type { ComponentType } from 'react';
import {
  IconAlertTriangle,
  IconBell,
  IconCalendarTime,
  IconChartHistogram,
  IconNetwork,
  IconChecklist,
  IconDatabase,
  IconClipboardCheck,
  IconHistory,
  IconInfoCircle,
  IconMessageReport,
  IconReportAnalytics,
  IconSpeakerphone,
  IconSearch,
  IconSettings,
  IconUsers,
  IconWheelchair,
} from '@tabler/icons-react';
import { BROADCAST, COUNTER, MANAGERS, type MessageKey, type Role } from '@shared/contract';
import { StaffPage } from '../features/staff/StaffPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { ApprovalsPage } from '../features/approvals/ApprovalsPage';
import { DayClosePage } from '../features/dayClose/DayClosePage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { StationsPage } from '../features/stations/StationsPage';
import { RentalsPage } from '../features/rentals/RentalsPage';
import { PagingPage } from '../features/paging/PagingPage';
import { QueuePage } from '../features/paging/QueuePage';
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { ProgrammePage } from '../features/programme/ProgrammePage';
import { ComplaintsPage } from '../features/complaints/ComplaintsPage';
import { ComplaintsManagerPage } from '../features/complaints/ComplaintsManagerPage';
import { LostFoundPage } from '../features/lostFound/LostFoundPage';
import { InfoPage } from '../features/info/InfoPage';

export interface Section {
  path: string;
  label: MessageKey;
  icon: ComponentType<{ size?: number }>;
  Page: ComponentType;
}

export interface SectionGroup {
  label: MessageKey;
  roles: readonly Role[];
  sections: Section[];
}

/** The app's sections by who may use them; the contract's role groups decide, as they do for the calls. */
export const GROUPS: SectionGroup[] = [
  {
    label: 'nav.counterDesk',
    roles: COUNTER,
    sections: [
      { path: '/counter/rentals', label: 'nav.rentals', icon: IconWheelchair, Page: RentalsPage },
      { path: '/counter/lost-found', label: 'nav.lostFound', icon: IconSearch, Page: LostFoundPage },
      { path: '/counter/paging', label: 'nav.paging', icon: IconBell, Page: PagingPage },
      { path: '/counter/complaints', label: 'nav.complaints', icon: IconMessageReport, Page: ComplaintsPage },
      { path: '/counter/incidents', label: 'nav.incidents', icon: IconAlertTriangle, Page: IncidentsPage },
      { path: '/counter/info', label: 'info.title', icon: IconInfoCircle, Page: InfoPage },
    ],
  },
  {
    label: 'roles.broadcast',
    roles: BROADCAST,
    sections: [
      { path: '/broadcast/queue', label: 'nav.queue', icon: IconSpeakerphone, Page: QueuePage },
      { path: '/broadcast/programme', label: 'nav.programme', icon: IconCalendarTime, Page: ProgrammePage },
    ],
  },
  {
    label: 'roles.manager',
    roles: MANAGERS,
    sections: [
      { path: '/manager/approvals', label: 'nav.approvals', icon: IconChecklist, Page: ApprovalsPage },
      { path: '/manager/day-close', label: 'nav.dayClose', icon: IconClipboardCheck, Page: DayClosePage },
      { path: '/manager/dashboard', label: 'nav.dashboard', icon: IconChartHistogram, Page: DashboardPage },
      { path: '/manager/complaints', label: 'nav.complaintSummary', icon: IconReportAnalytics, Page: ComplaintsManagerPage },
      { path: '/manager/staff', label: 'nav.staff', icon: IconUsers, Page: StaffPage },
      { path: '/manager/settings', label: 'nav.settings', icon: IconSettings, Page: SettingsPage },
      { path: '/manager/stations', label: 'nav.stations', icon: IconNetwork, Page: StationsPage },
      { path: '/manager/backups', label: 'nav.backups', icon: IconDatabase, Page: BackupsPage },
      { path: '/manager/audit', label: 'nav.audit', icon: IconHistory, Page: AuditPage },
    ],
  },
];

/** The first screen of each role: its home. */
export const HOME: Record<Role, string> = {
  counter: '/counter/rentals',
  broadcast: '/broadcast/queue',
  manager: '/manager/approvals',
  admin: '/manager/approvals',
};

/** The groups a role may use, its own work first. */
export function groupsFor(role: Role): SectionGroup[] {
  const allowed = GROUPS.filter((group) => group.roles.includes(role));
  const home = HOME[role];
  return [...allowed.filter((g) => g.sections.some((s) => s.path === home)), ...allowed.filter((g) => !g.sections.some((s) => s.path === home))];
}

