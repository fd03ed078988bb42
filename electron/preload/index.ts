import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL, IPC_EVENT, type IpcCall, type ParkdeskBridge } from '@shared/ipc';
import type { LiveEvent, Result } from '@shared/contract';

const bridge: ParkdeskBridge = {
  call: (call: IpcCall) =>
    ipcRenderer.invoke(IPC_CALL, { method: call.method, input: call.input, token: call.token }) as Promise<Result<unknown>>,
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, live: LiveEvent) => listener(live);
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('parkdesk', bridge);
