import { useEffect, useId, useRef, useState } from 'react';
import { ActionIcon, Box, Button, Group, Image, Input, Modal, Stack, Text } from '@mantine/core';
import { IconCamera, IconPhotoPlus, IconX } from '@tabler/icons-react';
import { useT } from '../app/i18n';
import { photo } from '@shared/contract';

/** The longest side of a kept photo, and the contract's limit on its data URL. */
const MAX_SIDE = 1280;
const MAX_DATA_URL = photo.maxLength ?? Number.POSITIVE_INFINITY;

/** Draws a picture scaled to at most 1280 px on its longer side and encodes it as JPEG (quality 0.8, lower if still too big). */
export function encodePhoto(source: CanvasImageSource, width: number, height: number): string {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height, 1));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  // JPEG has no transparency: a transparent PNG becomes white, not black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  for (const quality of [0.8, 0.65, 0.5, 0.35]) {
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_DATA_URL) return url;
  }
  return canvas.toDataURL('image/jpeg', 0.2);
}

async function fileToPhoto(file: File): Promise<string> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file);
    try {
      return encodePhoto(bitmap, bitmap.width, bitmap.height);
    } finally {
      bitmap.close();
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new window.Image();
    image.src = url;
    await image.decode();
    return encodePhoto(image, image.naturalWidth, image.naturalHeight);
  } finally {
    URL.revokeObjectURL(url);
  }
}

type CameraState = 'checking' | 'available' | 'unavailable';

/** Whether this screen may have a camera: getUserMedia exists only in secure contexts (the kiosk, localhost, https). */
function initialCamera(): CameraState {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function' ? 'checking' : 'unavailable';
}

function CameraModal({ onShot, onUnavailable, onClose }: { onShot(photo: string): void; onUnavailable(): void; onClose(): void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [ready, setReady] = useState(false);
  const unavailable = useRef(onUnavailable);
  useEffect(() => {
    unavailable.current = onUnavailable;
  }, [onUnavailable]);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment', width: { ideal: MAX_SIDE } }, audio: false })
      .then(async (media) => {
        stream = media;
        if (cancelled || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        setReady(true);
      })
      // No camera, or permission refused: the file stays, quietly.
      .catch(() => {
        if (!cancelled) unavailable.current();
      });
    return () => {
      cancelled = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const shoot = () => {
    const element = video.current;
    if (!element || !element.videoWidth) return;
    onShot(encodePhoto(element, element.videoWidth, element.videoHeight));
  };

  return (
    <Modal opened onClose={onClose} title={t('lostFound.photos.cameraTitle')} size="lg" centered>
      <Stack>
        <Box bg="dark.8" style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden', aspectRatio: '4 / 3' }}>
          <video ref={video} muted playsInline style={{ width: '100%', height: '100%', objectFit: 'contain' }} aria-label={t('lostFound.photos.cameraTitle')} />
        </Box>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button size="lg" leftSection={<IconCamera size={22} />} disabled={!ready} onClick={shoot} data-autofocus>
            {t('lostFound.photos.takePhoto')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export interface PhotoPickerProps {
  label: string;
  /** JPEG data URLs, each at most 1280 px and under 1.5 MB. */
  value: string[];
  onChange(value: string[]): void;
  max?: number;
  error?: string;
  description?: string;
}

/**
 * Photos from a file or, where the screen has one, the camera: scaled down on a canvas to at most
 * 1280 px and kept as JPEG data URLs; thumbnails with remove. On a plain-http station or a PC without
 * a camera only the file is offered, without an error.
 */
export function PhotoPicker({ label, value, onChange, max = 4, error, description }: PhotoPickerProps) {
  const t = useT();
  const labelId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState<CameraState>(initialCamera);
  const [shooting, setShooting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const full = value.length >= max;
  // Keep the latest list for the async steps (a file decodes while another is removed).
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);

  useEffect(() => {
    if (camera !== 'checking') return;
    navigator.mediaDevices
      .enumerateDevices()
      .then((devices) => setCamera(devices.some((device) => device.kind === 'videoinput') ? 'available' : 'unavailable'))
      .catch(() => setCamera('unavailable'));
  }, [camera]);

  const add = (photos: string[]) => onChange([...latest.current, ...photos].slice(0, max));

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    setProblem(undefined);
    const photos: string[] = [];
    for (const file of Array.from(files).slice(0, max - latest.current.length)) {
      try {
        photos.push(await fileToPhoto(file));
      } catch {
        setProblem(t('lostFound.photos.unreadable'));
      }
    }
    add(photos);
    setBusy(false);
    if (input.current) input.current.value = '';
  };

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Input.Label id={labelId} component="div">
        {label}
      </Input.Label>
      {description ? (
        <Text fz="sm" c="dimmed" mt={-4}>
          {description}
        </Text>
      ) : null}
      <Group gap="sm" align="flex-start">
        {value.map((photo, index) => (
          <Box key={`${index}-${photo.length}`} pos="relative" w={112} h={112} style={{ borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden', border: '1px solid var(--mantine-color-gray-3)' }}>
            <Image src={photo} alt={t('lostFound.photos.photo', { n: index + 1 })} w={112} h={112} fit="cover" />
            <ActionIcon
              pos="absolute"
              top={2}
              right={2}
              size={44}
              radius="xl"
              color="dark"
              variant="filled"
              aria-label={t('lostFound.photos.remove', { n: index + 1 })}
              onClick={() => onChange(value.filter((_, at) => at !== index))}
              style={{ opacity: 0.85 }}
            >
              <IconX size={20} />
            </ActionIcon>
          </Box>
        ))}
        <Stack gap={6}>
          <Group gap="xs">
            <Button variant="light" leftSection={<IconPhotoPlus size={20} />} onClick={() => input.current?.click()} disabled={full} loading={busy}>
              {t('lostFound.photos.chooseFile')}
            </Button>
            {camera === 'available' ? (
              <Button variant="light" leftSection={<IconCamera size={20} />} onClick={() => setShooting(true)} disabled={full}>
                {t('lostFound.photos.camera')}
              </Button>
            ) : null}
          </Group>
          <Text fz="sm" c="dimmed">
            {t('lostFound.photos.count', { count: value.length, max })}
          </Text>
        </Stack>
      </Group>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={`${label}: ${t('lostFound.photos.chooseFile')}`}
        data-testid="photo-file"
        onChange={(event) => void onFiles(event.currentTarget.files)}
      />
      {problem ? (
        <Text fz="sm" c="red.8" role="alert">
          {problem}
        </Text>
      ) : null}
      {error ? <Input.Error>{error}</Input.Error> : null}
      {shooting ? (
        <CameraModal
          onClose={() => setShooting(false)}
          onUnavailable={() => {
            setShooting(false);
            setCamera('unavailable');
          }}
          onShot={(photo) => {
            add([photo]);
            setShooting(false);
          }}
        />
      ) : null}
    </Stack>
  );
}
