import type { z } from 'zod';
import { auditMethods } from './audit';
import { rentalsMethods } from './rentals';
import { printingMethods } from './printing';
import { pagingMethods } from './paging';
import { lostFoundMethods } from './lostFound';
import { complaintsMethods } from './complaints';
import { feedbackMethods } from './feedback';
import { programmeMethods } from './programme';
import { incidentsMethods } from './incidents';
import { maintenanceMethods } from './maintenance';
import { approvalsMethods } from './approvals';
import { dayCloseMethods } from './dayClose';
import { dashboardMethods } from './dashboard';
import { stationsMethods } from './stations';
import { infoMethods } from './info';
import { authMethods } from './auth';
import type { MethodDef } from './define';
import { settingsMethods } from './settings';
import { staffMethods } from './staff';
import { systemMethods } from './system';

export type { MessageKey, MessageParams } from '../i18n';
export * from './define';
export * from './result';
export * from './validation';
export * from './common';
export * from './events';
export * from './system';
export * from './auth';
export * from './staff';
export * from './settings';
export * from './audit';
export * from './rentals';
export * from './printing';
export * from './paging';
export * from './lostFound';
export * from './complaints';
export * from './feedback';
export * from './programme';
export * from './incidents';
export * from './maintenance';
export * from './approvals';
export * from './dayClose';
export * from './dashboard';
export * from './stations';
export * from './info';

/** The whole contract: every method the core answers, over IPC and HTTP alike. */
export const contract = {
  ...systemMethods,
  ...authMethods,
  ...staffMethods,
  ...settingsMethods,
  ...auditMethods,
  ...rentalsMethods,
  ...printingMethods,
  ...pagingMethods,
  ...lostFoundMethods,
  ...complaintsMethods,
  ...feedbackMethods,
  ...programmeMethods,
  ...incidentsMethods,
  ...maintenanceMethods,
  ...approvalsMethods,
  ...dayCloseMethods,
  ...dashboardMethods,
  ...stationsMethods,
  ...infoMethods,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (before defaults and trimming). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: string): value is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, value);
}
