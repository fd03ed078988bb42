/** Incidents (English). */
export const incidentsEn = {
  /** Audit-log wording of this domain's actions (`incidents.<name>`). */
  audit: {
    placeholder: 'Incidents',
  },
} as const;
