/** Whether a path exists, for scripts that must tell "absent" from "unreadable" only by trying. */
import { stat } from 'node:fs/promises';

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
