import { useCallback, useEffect, useId, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { Box, Button, Group, Input, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconEraser, IconSignature } from '@tabler/icons-react';
import { useT } from '../app/i18n';

interface Point {
  x: number;
  y: number;
  /** Line width in CSS pixels (a pen's pressure thickens it). */
  w: number;
}

export interface SignaturePadProps {
  /** The pad's accessible name and visible label, e.g. "Finder's signature". */
  label: string;
  /** A PNG data URL, or '' when nothing is drawn. */
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  /** The localized error shown below the pad. */
  error?: string;
  withAsterisk?: boolean;
  height?: number;
  'data-testid'?: string;
}

const INK = '#111';
const BASE_WIDTH = 2.6;

function widthOf(event: PointerEvent): number {
  // Mice report 0.5 (or 0) pressure when pressed; only pens and some touch screens vary it.
  if (event.pointerType !== 'pen' || !event.pressure) return BASE_WIDTH;
  return Math.max(1.2, Math.min(5, BASE_WIDTH * (0.4 + event.pressure * 1.2)));
}

/** Draws one stroke: quadratic curves through the midpoints of its points, so fast strokes stay smooth. */
function drawStroke(ctx: CanvasRenderingContext2D, stroke: Point[], from = 0): void {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const first = stroke[0];
  if (!first) return;
  if (stroke.length === 1) {
    ctx.beginPath();
    ctx.arc(first.x, first.y, first.w / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  for (let index = Math.max(1, from); index < stroke.length; index += 1) {
    const previous = stroke[index - 1] as Point;
    const point = stroke[index] as Point;
    const before = stroke[index - 2];
    const start = before ? { x: (before.x + previous.x) / 2, y: (before.y + previous.y) / 2 } : previous;
    const end = { x: (previous.x + point.x) / 2, y: (previous.y + point.y) / 2 };
    ctx.beginPath();
    ctx.lineWidth = (previous.w + point.w) / 2;
    ctx.moveTo(start.x, start.y);
    ctx.quadraticCurveTo(previous.x, previous.y, end.x, end.y);
    ctx.stroke();
  }
}

/**
 * A signature drawn on the screen with a finger, a pen or the mouse (pointer events, smooth strokes),
 * for a react-hook-form controlled field: `value` is a PNG data URL (white background, the pad's CSS
 * size) or '' when empty. A keyboard cannot sign: a keyboard user reaching the pad is told so.
 */
export function SignaturePad({ label, value, onChange, onBlur, error, withAsterisk, height = 170, 'data-testid': testId }: SignaturePadProps) {
  const t = useT();
  const labelId = useId();
  const statusId = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  /** A signature given as `value` without strokes here (the pad mounted again): drawn under new strokes. */
  const restored = useRef<HTMLImageElement | null>(null);
  const drawing = useRef<{ pointerId: number } | null>(null);
  const size = useRef({ width: 0, height });
  const [keyboardHint, setKeyboardHint] = useState(false);
  const signed = value !== '';

  const context = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return undefined;
    const ratio = canvas.width / Math.max(1, size.current.width);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return ctx;
  }, []);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = context();
    if (!canvas || !ctx) return;
    ctx.clearRect(0, 0, size.current.width, size.current.height);
    if (restored.current) ctx.drawImage(restored.current, 0, 0, size.current.width, size.current.height);
    for (const stroke of strokes.current) drawStroke(ctx, stroke);
  }, [context]);

  // The backing store follows the pad's width and the screen's pixel ratio; strokes are redrawn.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const fit = () => {
      const width = Math.round(canvas.getBoundingClientRect().width);
      if (width === 0 || width === size.current.width) return;
      const ratio = Math.min(2, window.devicePixelRatio || 1);
      size.current = { width, height };
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      redraw();
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [height, redraw]);

  // Cleared from outside (a form reset): forget the strokes. Given a signature not drawn here: show it.
  useEffect(() => {
    if (value === '' && (strokes.current.length > 0 || restored.current)) {
      strokes.current = [];
      restored.current = null;
      redraw();
    } else if (value !== '' && strokes.current.length === 0 && restored.current?.src !== value) {
      const image = new Image();
      image.onload = () => {
        restored.current = image;
        redraw();
      };
      image.src = value;
    }
  }, [value, redraw]);

  const exportPng = (): string => {
    const canvas = canvasRef.current;
    if (!canvas || (strokes.current.length === 0 && !restored.current)) return '';
    const out = document.createElement('canvas');
    out.width = size.current.width;
    out.height = size.current.height;
    const ctx = out.getContext('2d');
    if (!ctx) return '';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0, out.width, out.height);
    return out.toDataURL('image/png');
  };

  const pointAt = (event: PointerEvent): Point => {
    const rect = (canvasRef.current as HTMLCanvasElement).getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top, w: widthOf(event) };
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setKeyboardHint(false);
    drawing.current = { pointerId: event.pointerId };
    const stroke = [pointAt(event.nativeEvent)];
    strokes.current.push(stroke);
    const ctx = context();
    if (ctx) drawStroke(ctx, stroke);
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (drawing.current?.pointerId !== event.pointerId) return;
    const stroke = strokes.current.at(-1);
    if (!stroke) return;
    const from = stroke.length;
    const events = typeof event.nativeEvent.getCoalescedEvents === 'function' ? event.nativeEvent.getCoalescedEvents() : [];
    for (const move of events.length > 0 ? events : [event.nativeEvent]) stroke.push(pointAt(move));
    const ctx = context();
    if (ctx) drawStroke(ctx, stroke, from);
  };

  const finish = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    if (drawing.current?.pointerId !== event.pointerId) return;
    drawing.current = null;
    onChange(exportPng());
    onBlur?.();
  };

  const clear = () => {
    strokes.current = [];
    restored.current = null;
    redraw();
    onChange('');
  };

  return (
    <Stack gap={4} role="group" aria-labelledby={labelId} data-testid={testId} data-signed={signed}>
      <Input.Label id={labelId} required={withAsterisk} component="div">
        {label}
      </Input.Label>
      <Box
        pos="relative"
        style={{
          border: `2px ${signed ? 'solid' : 'dashed'} ${error ? 'var(--mantine-color-red-7)' : signed ? 'var(--mantine-color-park-7)' : 'var(--mantine-color-gray-5)'}`,
          borderRadius: 'var(--mantine-radius-md)',
          background: '#fff',
          overflow: 'hidden',
        }}
      >
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={label}
          aria-describedby={statusId}
          tabIndex={0}
          height={height}
          style={{ display: 'block', width: '100%', height, touchAction: 'none', cursor: 'crosshair' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={finish}
          onPointerCancel={finish}
          onFocus={(event) => setKeyboardHint(event.currentTarget.matches(':focus-visible'))}
          onBlur={() => {
            setKeyboardHint(false);
            onBlur?.();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              setKeyboardHint(true);
            }
          }}
        />
        {/* The line to sign on, and the hint while the pad is empty: drawn over the canvas, never on it. */}
        <Box pos="absolute" left={24} right={24} bottom={34} style={{ borderBottom: '1px solid var(--mantine-color-gray-4)', pointerEvents: 'none' }} />
        {!signed ? (
          <Group pos="absolute" left={24} bottom={8} gap={6} style={{ pointerEvents: 'none' }} c="gray.7">
            <IconSignature size={18} aria-hidden />
            <Text fz="sm" c="gray.7">
              {t('lostFound.signature.hint')}
            </Text>
          </Group>
        ) : null}
      </Box>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text id={statusId} fz="sm" c={keyboardHint ? 'orange.9' : signed ? 'park.8' : 'dimmed'} aria-live="polite" fw={keyboardHint || signed ? 600 : 400}>
          {keyboardHint ? (
            t('lostFound.signature.keyboard')
          ) : signed ? (
            <Group component="span" gap={4} wrap="nowrap">
              <IconCircleCheck size={16} aria-hidden />
              {t('lostFound.signature.signed')}
            </Group>
          ) : (
            t('lostFound.signature.empty')
          )}
        </Text>
        <Button variant="subtle" color="gray" leftSection={<IconEraser size={18} />} onClick={clear} disabled={!signed} aria-label={`${t('lostFound.signature.clear')} ${label}`} mih={44}>
          {t('lostFound.signature.clear')}
        </Button>
      </Group>
      {error ? <Input.Error role="alert">{error}</Input.Error> : null}
    </Stack>
  );
}
