import { useMethod } from '../../api/hooks';
import { ReceiptPreview } from './ReceiptPreview';
import { Pending } from '../../ui/readFailed';

/**
 * A queued printout as it comes out of the printer: its document, copy and the printer's paper
 * width and Chinese setting, all from `printer.preview` (so a printer without Chinese shows the `?`
 * its paper gets). Every screen that previews a printout by its job uses this one.
 */
export function JobPreview({ jobId }: { jobId: number }) {
  const preview = useMethod('printer.preview', { jobId });
  if (!preview.data) return <Pending read={preview} />;
  return <ReceiptPreview {...preview.data} />;
}
