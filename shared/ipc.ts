import type { LiveEvent, Result } from './contract';

/** IPC channel names shared by the Electron main process and the preload script. */
export const IPC_CALL = 'parkdesk:call';
export const IPC_EVENT = 'parkdesk:event';

/** One call as it crosses IPC: the renderer never sends more than this. */
export interface IpcCall {
  method: string;
  input: unknown;
  token?: string | undefined;
}

/**
 * The only thing the preload exposes (`window.parkdesk`): call a contract method, subscribe to
 * contract events. No raw ipcRenderer, no Node.
 */
export interface ParkdeskBridge {
  call(call: IpcCall): Promise<Result<unknown>>;
  subscribe(listener: (event: LiveEvent) => void): () => void;
}
