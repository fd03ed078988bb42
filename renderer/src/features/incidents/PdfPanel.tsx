import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import type { ReportCopy } from '@shared/contract';
import { useT } from '../../app/i18n';
import { useAction } from '../../api/hooks';
import { base64Blob, printPdf } from '../../ui/download';
import { notifyError } from '../../ui/notify';

interface Ready {
  copy: ReportCopy;
  url: string;
  base64: string;
  fileName: string;
  savedAs: string;
}

/**
 * The printable A4 report: the file copy (everything) or the visitor's copy (no internal notes).
 * The counter PC keeps it under reports/incidents/; here it downloads from a blob link or prints
 * on the A4 printer.
 */
export function PdfPanel({ incidentId }: { incidentId: number }) {
  const t = useT();
  const make = useAction('incidents.pdf');
  const [ready, setReady] = useState<Ready>();
  const [pending, setPending] = useState<ReportCopy>();
  const [printing, setPrinting] = useState(false);

  useEffect(() => () => {
    if (ready) URL.revokeObjectURL(ready.url);
  }, [ready]);

  const build = async (copy: ReportCopy) => {
    setPending(copy);
    setReady(undefined);
    try {
      const pdf = await make.mutateAsync({ incidentId, copy });
      setReady({ copy, url: URL.createObjectURL(base64Blob(pdf.base64, 'application/pdf')), base64: pdf.base64, fileName: pdf.fileName, savedAs: pdf.savedAs });
    } catch (error) {
      notifyError(t, error);
    } finally {
      setPending(undefined);
    }
  };

  const print = async (file: Ready) => {
    setPrinting(true);
    try {
      await printPdf(file.fileName, file.base64);
    } catch (error) {
      notifyError(t, error);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Stack gap="xs">
      <Stack gap="xs">
        <Button variant="default" justify="flex-start" leftSection={<IconFileTypePdf size={20} />} loading={pending === 'file'} disabled={pending === 'visitor'} onClick={() => void build('file')}>
          {t('incidents.actions.pdfFile')}
        </Button>
        <Button variant="default" justify="flex-start" leftSection={<IconFileTypePdf size={20} />} loading={pending === 'visitor'} disabled={pending === 'file'} onClick={() => void build('visitor')}>
          {t('incidents.actions.pdfVisitor')}
        </Button>
      </Stack>
      {ready ? (
        <Stack gap={2} role="status">
          <Text fz="sm">{t('incidents.pdf.ready')}</Text>
          <Group gap="md">
            <Anchor href={ready.url} download={ready.fileName} fw={700} data-testid="pdf-download">
              <IconDownload size={20} /> {t('incidents.actions.download', { fileName: ready.fileName })}
            </Anchor>
            <Button variant="default" leftSection={<IconPrinter size={20} />} loading={printing} onClick={() => void print(ready)}>
              {t('incidents.actions.print', { fileName: ready.fileName })}
            </Button>
          </Group>
          <Text fz="sm" c="dimmed">
            {t('incidents.pdf.saved', { path: ready.savedAs })}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
