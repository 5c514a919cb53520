/** Whether a process still runs: files owned by a dead process are left-overs to clean up. */

/** True when a process with id `pid` exists (even one of another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
