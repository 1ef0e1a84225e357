import { type IpcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { type z } from 'zod';
import { IPC_CHANNELS, ipcContract, type IpcChannel, type IpcOutput } from '../../shared/ipc/contract';
import { isTrustedRendererUrl } from './app-origin';

/** What the wrapper reads of `event.senderFrame` (a `WebFrameMain`). */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: SenderFrameLike | null;
  readonly top: SenderFrameLike | null;
}

export interface SenderPolicy {
  readonly isPackaged: boolean;
  /** The Vite dev server's URL; trusted only when the app is not packaged. */
  readonly devServerUrl?: string | undefined;
}

/**
 * Electron security checklist, item 17: validate the sender of every IPC message. Only the renderer's own top frame
 * may call: a subframe (an injected iframe), another scheme or another host is refused. Protocol and host are compared,
 * not `origin`, which is "null" for custom schemes.
 */
export function isTrustedSenderFrame(frame: SenderFrameLike | null | undefined, policy: SenderPolicy): boolean {
  if (frame === null || frame === undefined) return false;
  try {
    if (frame.parent !== null || frame.top !== frame) return false;
    return isTrustedRendererUrl(frame.url, policy.devServerUrl, policy.isPackaged);
  } catch {
    // A frame that navigated away or was destroyed throws on access: it is not a sender to trust.
    return false;
  }
}

/** The handler receives the input as parsed by the contract's schema. */
export type IpcHandlerInput<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['input']>;

export interface IpcContext {
  /** The calling web contents, already checked: e.g. the page to print. */
  readonly sender: WebContents;
}

export type IpcHandlers = {
  readonly [C in IpcChannel]: (input: IpcHandlerInput<C>, context: IpcContext) => Promise<IpcOutput<C>>;
};

export type IpcRejectionReason = 'sender' | 'input' | 'output';

const REJECTION_TEXT: Readonly<Record<IpcRejectionReason, { fr: string; en: string }>> = {
  sender: { fr: 'expéditeur non autorisé', en: 'untrusted sender' },
  input: { fr: 'paramètres invalides', en: 'invalid input' },
  output: { fr: 'réponse invalide du processus principal', en: 'invalid output from the main process' },
};

/** The error an `invoke` rejects with; its message is French first, then English. */
export class IpcRejectedError extends Error {
  readonly channel: string;
  readonly reason: IpcRejectionReason;

  constructor(channel: string, reason: IpcRejectionReason, detail?: string) {
    const text = REJECTION_TEXT[reason];
    const suffix = detail === undefined ? '' : ` (${detail})`;
    super(`Appel refusé « ${channel} » : ${text.fr}. / Call refused "${channel}": ${text.en}${suffix}.`);
    this.name = 'IpcRejectedError';
    this.channel = channel;
    this.reason = reason;
  }
}

type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one wrapper every handler goes through (architecture.md, rule 3): sender check, input parsed with the contract,
 * output parsed with the contract. A handler therefore never sees unchecked data and never leaks an unplanned shape.
 */
export function createInvokeHandler<C extends IpcChannel>(
  channel: C,
  handler: IpcHandlers[C],
  policy: SenderPolicy,
): (event: InvokeEvent, ...args: unknown[]) => Promise<IpcOutput<C>> {
  const schemas = ipcContract[channel] as { readonly input: z.ZodType; readonly output: z.ZodType };
  return async (event, ...args) => {
    if (!isTrustedSenderFrame(event.senderFrame, policy)) throw new IpcRejectedError(channel, 'sender');
    if (args.length > 1) throw new IpcRejectedError(channel, 'input', 'one argument at most');
    const input = schemas.input.safeParse(args[0]);
    if (!input.success) throw new IpcRejectedError(channel, 'input', describeIssues(input.error));
    const result = await handler(input.data as IpcHandlerInput<C>, { sender: event.sender });
    const output = schemas.output.safeParse(result);
    if (!output.success) throw new IpcRejectedError(channel, 'output', describeIssues(output.error));
    return output.data as IpcOutput<C>;
  };
}

/** Registers one wrapped handler per channel of the contract; the mapped type makes a missing handler a type error. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  policy: SenderPolicy,
): void {
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, createInvokeHandler(channel, handlers[channel] as IpcHandlers[typeof channel], policy));
  }
}
