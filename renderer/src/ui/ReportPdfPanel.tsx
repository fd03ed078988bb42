import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { REPORT_COPIES, type MessageKey, type ReportCopy } from '@shared/contract';
import { useT } from '../app/i18n';
import { base64Blob, printPdf } from './download';
import { notifyError } from './notify';

/** A made report as the core answers it (`incidents.pdf`, `complaints.pdf`). */
export interface MadeReport {
  fileName: string;
  savedAs: string;
  base64: string;
}

interface Ready {
  copy: ReportCopy;
  url: string;
  base64: string;
  fileName: string;
  savedAs: string;
}

/**
 * A printable A4 record of one case: the file copy (everything) or the visitor's copy (no internal
 * notes). The counter PC keeps it under reports/; here it downloads from a blob link or prints on
 * the A4 printer. `make` asks the core for one copy; `labels` name a button for each copy made (a record kept only on file has the one).
 */
export function ReportPdfPanel({ make, labels }: { make: (copy: ReportCopy) => Promise<MadeReport>; labels: Partial<Record<ReportCopy, MessageKey>> }) {
  const t = useT();
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
      const pdf = await make(copy);
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
        {REPORT_COPIES.flatMap((copy) => {
          const label = labels[copy];
          return label
            ? [
                <Button key={copy} variant="default" justify="flex-start" leftSection={<IconFileTypePdf size={20} />} loading={pending === copy} disabled={pending !== undefined && pending !== copy} onClick={() => void build(copy)}>
                  {t(label)}
                </Button>,
              ]
            : [];
        })}
      </Stack>
      {ready ? (
        <Stack gap={2} role="status">
          <Text fz="sm">{t('reports.ready')}</Text>
          <Group gap="md">
            <Anchor href={ready.url} download={ready.fileName} fw={700} data-testid="pdf-download">
              <IconDownload size={20} /> {t('reports.download', { fileName: ready.fileName })}
            </Anchor>
            <Button variant="default" leftSection={<IconPrinter size={20} />} loading={printing} onClick={() => void print(ready)}>
              {t('reports.print', { fileName: ready.fileName })}
            </Button>
          </Group>
          <Text fz="sm" c="dimmed">
            {t('reports.saved', { path: ready.savedAs })}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
