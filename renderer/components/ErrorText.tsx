/** A failure in one sentence, announced to screen readers. */
export function ErrorText({ message, id }: { message: string | null; id?: string }) {
  if (message === null) return null;
  return (
    <p className="error-text" role="alert" id={id}>
      {message}
    </p>
  );
}
