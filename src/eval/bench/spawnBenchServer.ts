import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface BenchServerProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts benchServer.ts in a child process on a data directory and waits until it listens. */
export async function spawnBenchServer(dataDir: string, env: NodeJS.ProcessEnv): Promise<BenchServerProcess> {
  const script = fileURLToPath(new URL('./benchServer.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`the bench server said ${JSON.stringify(line)} instead of its URL`));
      }
    });
    void exited.then((code) => reject(new Error(`the bench server exited with code ${code} before listening`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
