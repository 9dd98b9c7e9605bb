import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledData } from './data';
import { parseScenario } from './load';
import { reportHtml, reportMarkdown } from './report';
import { renderScenario, SCENARIOS_DIR } from './run';

/** Issue 10, point 13: a hostile scenario file cannot put live script links or raw HTML in its reports. */
const file = join(SCENARIOS_DIR, 'censure-retraites-2023.yaml');
const yaml = readFileSync(file, 'utf8');

describe('scenario reports against hostile files', () => {
  it('refuses a javascript: URL in sources[].url or citations[].url, naming the field', () => {
    const hostile = yaml.replace(/url: https?:\/\/\S+/, 'url: "javascript:alert(document.cookie)"');
    expect(hostile).not.toBe(yaml);
    expect(() => parseScenario(hostile, 'hostile.yaml')).toThrow(/url.*expected an absolute http\(s\) URL/s);
  });

  it('escapes raw HTML and Markdown links from the file, and never links a non-http(s) URL', () => {
    const scenario = parseScenario(yaml, file);
    const result = renderScenario('hostile', scenario, loadBundledData()).result;
    result.description = 'Texte <script>alert(1)</script> fin';
    result.sources = [{ ...result.sources[0]!, label: '[clic](javascript:alert(1)) <img src=x onerror=alert(1)>', url: 'javascript:alert(2)' }];
    const md = reportMarkdown(result);
    // Every `<` from the file is escaped (`\<`): shown as text by any Markdown renderer.
    expect(md).not.toMatch(/(^|[^\\])<(script|img)/m);
    expect(md).toContain('\\<script\\>');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    const html = reportHtml(result, new Map());
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<img src=x/);
  });
});
