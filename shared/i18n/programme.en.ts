/** Programme (English). */
export const programmeEn = {
  /** Audit-log wording of this domain's actions (`programme.<name>`). */
  audit: {
    placeholder: 'Programme',
  },
} as const;
