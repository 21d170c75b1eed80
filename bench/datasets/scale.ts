export async function runScale(n: number): Promise<void> {
  throw new Error(`scale ${n}: not written yet`);
}
