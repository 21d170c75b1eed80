import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createService } from '../../../main/service/create-service.ts';
import { useTempDir } from '../../helpers/temp.ts';

const tempDir = useTempDir();

describe('report:write', () => {
  it('writes the client report where asked (its folder made), in the language asked, and refuses a path that is not a full .html path', async () => {
    const dir = tempDir();
    const done: { kind: string }[] = [];
    const service = createService({ dataDir: join(dir, 'data'), projectsDir: join(dir, 'projects'), demoDir: join(dir, 'no-demo'), mode: 'cli', version: 'test', emit: (event, payload) => event === 'job:done' && done.push(payload as { kind: string }) });
    await expect(service.invoke('report:write', { path: join(dir, 'r.html') })).rejects.toMatchObject({ message: expect.stringMatching(/project/i) });
    const csv = join(dir, 'c.csv');
    writeFileSync(csv, ['id,First Name,Last Name,Email', '1,Ann,Zed,ann@x.com', '2,Bob,Young,bob@y.org'].join('\n'));
    await service.invoke('project:create', { path: join(dir, 'acme.crmsteward') });
    await service.invoke('import:start', { files: [{ path: csv }] });
    // The import, then the profile the service takes after every import.
    while (!done.some((d) => d.kind === 'profile')) await new Promise((r) => setTimeout(r, 20));

    await expect(service.invoke('report:write', { path: join(dir, 'r.csv') })).rejects.toMatchObject({ code: 'invalid_input', message: 'The file name must end in .html.' });
    await expect(service.invoke('report:write', { path: 'r.html' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(service.invokeUnknown('report:write', { path: join(dir, 'r.html'), lang: 'fr' })).rejects.toMatchObject({ code: 'invalid_input' });

    const out = join(dir, 'new-folder', 'acme.html');
    const written = await service.invoke('report:write', { path: out, lang: 'zh-CN', mask: true });
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, 'utf8');
    expect(written).toEqual({ path: out, bytes: Buffer.byteLength(html) });
    expect(html).toContain('<h1>客户数据报告</h1>');
    expect(html).toContain('项目 acme');
    expect(html).toContain('尚未修改任何记录：最新的测量');
    expect(html).toContain('id="masked"');
    expect(html).not.toMatch(/Ann|Zed|ann@x\.com/);
    expect(html).toContain('本项目尚未运行 RFM。');
    await service.invoke('project:close', undefined);
  });
});
