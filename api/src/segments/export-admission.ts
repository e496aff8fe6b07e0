/**
 * How many CSV downloads may run at once: EXPORT_MAX_PER_CREDENTIAL per user or API token and
 * EXPORT_MAX_CONCURRENT in the process (those waiting for an export connection included). Beyond
 * either, a download is refused at once (429) instead of queueing: the waiting line for export
 * connections is never longer than the process cap. Counted in this process's memory, like the
 * rate limits.
 */
export type Admission = { admitted: true; release: () => void } | { admitted: false; limit: 'credential' | 'process' };

export class ExportAdmission {
  private running = 0;
  private readonly perSubject = new Map<string, number>();

  constructor(private readonly caps: { maxConcurrent: number; maxPerCredential: number }) {}

  /** Downloads running now (waiting for a connection included). */
  get active(): number {
    return this.running;
  }

  /** Takes a place for `subject` (the signer of the link), or says which cap is full. */
  admit(subject: string): Admission {
    const mine = this.perSubject.get(subject) ?? 0;
    if (mine >= this.caps.maxPerCredential) return { admitted: false, limit: 'credential' };
    if (this.running >= this.caps.maxConcurrent) return { admitted: false, limit: 'process' };
    this.running++;
    this.perSubject.set(subject, mine + 1);
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.running--;
        const left = (this.perSubject.get(subject) ?? 1) - 1;
        if (left > 0) this.perSubject.set(subject, left);
        else this.perSubject.delete(subject);
      },
    };
  }
}
