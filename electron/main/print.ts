import path from 'node:path';
import { type WebContents } from 'electron';
import { type IpcOutput } from '../../shared/ipc/contract';
import { type IpcHandlerInput } from './ipc';
import { nodeAtomicWriteFs, writeFileAtomic } from './atomic-write';
import { type FileServiceDeps } from './files';
import { DIALOG_TITLES, errorDetail, MESSAGES } from './messages';

function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}

/**
 * Prints the calling page (a sign-in sheet, a convocation) to PDF and saves it atomically where the user chooses.
 * The dialog comes first, so that cancelling costs nothing.
 */
export async function savePageAsPdf(
  input: IpcHandlerInput<'print:save-pdf'>,
  page: Pick<WebContents, 'printToPDF'>,
  deps: FileServiceDeps,
): Promise<IpcOutput<'print:save-pdf'>> {
  const target = await deps.dialogs.chooseSavePath({
    title: DIALOG_TITLES[deps.language()].savePdf,
    defaultPath: path.join(deps.defaultDirectory(), withPdfExtension(input.suggestedName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (target === null) return { status: 'cancelled' };
  let pdf: Uint8Array;
  try {
    pdf = await page.printToPDF({
      landscape: input.landscape,
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
    });
  } catch (error) {
    return { status: 'failed', message: MESSAGES.pdfFailed(errorDetail(error)) };
  }
  try {
    await writeFileAtomic(target, pdf, deps.fs ?? nodeAtomicWriteFs);
    return { status: 'saved', fileName: path.basename(target) };
  } catch (error) {
    return { status: 'failed', message: MESSAGES.saveFailed(errorDetail(error)) };
  }
}
