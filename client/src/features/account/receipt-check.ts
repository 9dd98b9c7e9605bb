import { checkReceipt, verifyLog, type LogEntry, type ScrutinLog } from '@parallele/core';

export interface ReceiptVerdict {
  /** the chain recomputes from its genesis to the head the server published */
  chainOk: boolean;
  /** the first problem of the chain, for the curious (null when it holds) */
  problem: string | null;
  length: number;
  found: boolean;
  /** a later entry of the same voter replaced this choice (the vote was changed since) */
  superseded: boolean;
  entry: LogEntry | null;
}

/**
 * Checks a receipt in the browser, trusting nothing the server says about it: every hash of the
 * scrutin's public log is recomputed with core's chain functions (the same the server and the
 * `verify-log` CLI use), then the receipt is looked up in the verified chain.
 */
export function verifyReceipt(log: ScrutinLog, receipt: string): ReceiptVerdict {
  const chain = verifyLog(log.scrutinUid, log.entries, log.head);
  const hit = checkReceipt(log.entries, receipt);
  return {
    chainOk: chain.ok,
    problem: chain.problems[0]?.message ?? null,
    length: chain.length,
    found: hit.found,
    superseded: hit.superseded,
    entry: hit.entry,
  };
}
