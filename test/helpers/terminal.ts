import { spawn } from 'node:child_process';

/**
 * Runs a shell command on a pseudo-terminal (util-linux `script`) and
 * types each answer when its prompt appears, in order: what a person at a
 * terminal does. Tools such as age read passphrases from the terminal
 * only, never from a pipe or a variable.
 */
export function onTerminal(command: string, env: Record<string, string>, dialogue: { prompt: RegExp; answer: string }[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { env: { ...process.env, ...env, SHELL: '/bin/sh' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let seen = 0; // where the last answered prompt ended
    let step = 0;
    const onOutput = (d: Buffer): void => {
      output += d.toString();
      while (step < dialogue.length) {
        const m = dialogue[step].prompt.exec(output.slice(seen));
        if (!m) break;
        seen += m.index + m[0].length;
        child.stdin.write(`${dialogue[step++].answer}\r`);
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}
