/** A labelled progress bar with its percentage in words. `fraction` is 0..1. */
export function ProgressBar({
  label,
  fraction,
  text,
}: {
  label: string;
  fraction: number;
  text: string;
}) {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return (
    <div className="progress">
      <progress aria-label={label} max={1} value={clamped} />
      <span className="progress-text">{text}</span>
    </div>
  );
}
