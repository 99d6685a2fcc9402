import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phx, phxInProcess, tempDir } from './helpers.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('help and version', () => {
  it('prints the commands and the exit codes with --help, and with no command', () => {
    for (const args of [['--help'], ['-h'], []]) {
      const { code, stdout } = phx(args);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: phx <command>');
      for (const command of ['validate', 'convert', 'export', 'import', 'check', 'init', 'schema', 'indicators', 'serve', 'token create']) expect(stdout).toContain(command);
      expect(stdout).toMatch(/0 {2}valid/);
      expect(stdout).toMatch(/1 {2}invalid data/);
      expect(stdout).toMatch(/2 {2}usage or I\/O error/);
    }
  });

  it('lists every token command that `phx token --help` shows', async () => {
    const commands = [...phx(['token', '--help']).stdout.matchAll(/^(?:Usage:| {6}) phx (token \w+)/gm)].map((match) => match[1]);
    expect(commands).toEqual(['token create', 'token list', 'token revoke']);
    const help = (await phxInProcess(['--help'])).stdout;
    for (const command of commands) expect(help).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });

  it.each(['validate', 'convert', 'export', 'import', 'check', 'init', 'schema', 'indicators', 'serve', 'token'])('prints the options of %s with --help', async (command) => {
    const { code, stdout } = await phxInProcess([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: phx ${command}`));
  });

  it('documents the exit codes in validate --help', () => {
    expect(phx(['validate', '--help']).stdout).toContain('Exit codes: 0 valid, 1 invalid data (or a file PHX cannot read as data), 2 usage or I/O error');
  });

  describe('a file that is there but holds no data PHX can read', () => {
    const dir = tempDir();
    const files = {
      // `{"name":"Привіт"}` saved by Notepad as "ANSI" on a Ukrainian Windows.
      'not UTF-8': dir.write('windows-1251.phx.json', Buffer.from([...Buffer.from('{"name":"'), 0xcf, 0xf0, 0xe8, 0xe2, 0xb3, 0xf2, ...Buffer.from('"}\n')])),
      'a PDF': dir.write('report.pdf', '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n'),
      'a damaged workbook': dir.write('damaged.xlsx', Buffer.from('PK\u0003\u0004 not a zip archive')),
    };

    it('is named under exit code 1, not 2, by phx --help and the help of the commands that read it', () => {
      const help = phx(['--help']).stdout;
      expect(help).toMatch(/^ {2}1 {2}invalid data, or a file PHX cannot read as data \(not UTF-8, a PDF/m);
      expect(help.slice(help.indexOf('  2  '))).not.toMatch(/unsupported|unreadable/);
      expect(phx(['export', '--help']).stdout).toContain('1 the package (or a file PHX cannot read as one)');
      expect(phx(['convert', '--help']).stdout).toContain('1 the inputs cannot be read');
    });

    it.each(Object.entries(files))('exits 1 as the help says, %s, in validate (with --jobs), convert, export and check', (_, file) => {
      for (const args of [['validate', file], ['validate', file, '--jobs', '2'], ['validate', file, '--format', 'json'], ['convert', file, '-o', dir.path('out.phx.ndjson')], ['export', file, '-o', dir.path('out.fhir.json')], ['check', file, '--profile', 'gam', '--country', 'UA', '--year', '2020']]) {
        expect(phx(args).code, args.join(' ')).toBe(1);
      }
    });

    it('exits 2 when the file is missing: the command cannot run as asked', () => {
      for (const command of ['validate', 'convert', 'export', 'check']) expect(phx([command, dir.path('missing.csv'), ...(command === 'check' ? ['--profile', 'gam', '--country', 'UA', '--year', '2020'] : ['-o', dir.path('x.phx.json')].slice(command === 'validate' ? 2 : 0))]).code, command).toBe(2);
    });
  });

  it('prints the version of the package', () => {
    expect(phx(['--version']).stdout).toBe(`${version}\n`);
    expect(phx(['-v']).code).toBe(0);
  });

  it('rejects an unknown command or option with exit code 2 and a hint', () => {
    const command = phx(['valdate', 'x.phx.json']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "valdate"');
    expect(command.stderr).toContain('phx --help');
    const option = phx(['validate', '--fromat', 'json', 'x.phx.json']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--fromat'");
    expect(option.stderr).toContain('phx validate --help');
    const value = phx(['validate', '--format', 'xml', 'x.phx.json']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--format must be one of human, json, sarif (got "xml")');
  });
});

describe('phx init', () => {
  it('takes $schema from a hub with --hub, so that editors complete against it', async () => {
    const { code, stdout } = await phxInProcess(['init', '--hub', 'https://hub.example.org/']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ $schema: 'https://hub.example.org/schemas/v1/DataPackage.schema.json' });
    expect(JSON.parse((await phxInProcess(['init', '--hub', 'http://127.0.0.1:8080/phx'])).stdout).$schema).toBe('http://127.0.0.1:8080/phx/schemas/v1/DataPackage.schema.json');
    expect(await phxInProcess(['init', '--hub', 'hub.example.org'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--hub hub.example.org is not a URL') });
  });

  const dir = tempDir();

  it('prints a starter package that validates as it is, given the countries of the organisation', async () => {
    const { code, stdout } = await phxInProcess(['init', '--country', 'ua', '--country', 'MD', '--country', 'UA']);
    expect(code).toBe(0);
    const pkg = JSON.parse(stdout) as Record<string, unknown>;
    expect(pkg.$schema).toBe('https://phx-network.github.io/phx/schemas/v1/DataPackage.schema.json');
    expect(pkg).toMatchObject({ phxVersion: '1.0', publisher: { id: 'PHX-ORG-CHANGE-ME' }, license: 'CC-BY-4.0', organisations: [{ countries: ['UA', 'MD'] }] });
    const file = dir.write('starter.phx.json', stdout);
    expect((await phxInProcess(['validate', file])).code).toBe(0);
  });

  it('guesses no country: without --country, validation asks for the organisation\'s countries', async () => {
    const file = dir.write('no-country.phx.json', (await phxInProcess(['init'])).stdout);
    const report = await phxInProcess(['validate', '--format', 'json', file]);
    expect(report.code).toBe(1);
    const issues = (JSON.parse(report.stdout) as { files: { issues: { code: string; pointer: string; severity: string }[] }[] }).files[0]!.issues;
    expect(issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.pointer])).toEqual([['schema.too-small', '/organisations/0/countries']]);
    const out = dir.path('no-country-out.phx.json');
    expect((await phxInProcess(['init', '-o', out])).stderr).toContain("give the organisation's countries");
    expect((await phxInProcess(['init', '-o', dir.path('ua.phx.json'), '--country', 'UA'])).stderr).not.toContain('countries');
  });

  it('takes a country as the validator reads one in a file: its alpha-3 code or its name in any language, written as its ISO 3166-1 code', async () => {
    for (const country of ['UKR', 'ukr', 'Україна', 'Ukraine', 'украина', 'Ucrania', ' Ukraine ']) {
      const { code, stdout, stderr } = await phxInProcess(['init', '--country', country]);
      expect(code, `${country}: ${stderr}`).toBe(0);
      expect((JSON.parse(stdout) as { organisations: { countries: string[] }[] }).organisations[0]!.countries, country).toEqual(['UA']);
    }
    const { stdout } = await phxInProcess(['init', '--country', 'Zambia', '--country', 'ZMB', '--country', 'Молдова']);
    expect((JSON.parse(stdout) as { organisations: { countries: string[] }[] }).organisations[0]!.countries).toEqual(['ZM', 'MD']);
  });

  it('takes a country by its official name, in any of the five languages and in either order', async () => {
    const official = ['Республика Молдова', 'Republic of Moldova', 'Moldova, Republic of', 'Russian Federation', 'Кыргызская Республика', 'Fédération de Russie'];
    const { code, stdout, stderr } = await phxInProcess(['init', ...official.flatMap((country) => ['--country', country])]);
    expect(code, stderr).toBe(0);
    expect((JSON.parse(stdout) as { organisations: { countries: string[] }[] }).organisations[0]!.countries).toEqual(['MD', 'RU', 'KG']);
  });

  it('refuses a country it cannot tell, with the code meant when one is near', async () => {
    expect(await phxInProcess(['init', '--country', 'Ukrain'])).toMatchObject({
      code: 2,
      stderr: 'phx: --country must be a country\'s ISO 3166-1 code (UA, UKR) or name (got "Ukrain")\nhint: use --country UA\n',
    });
    expect((await phxInProcess(['init', '--country', 'Україн', '--locale', 'uk'])).stderr).toContain('\nпідказка: вкажіть --country UA\n');
    expect((await phxInProcess(['init', '--country', 'UK'])).stderr).toContain('(got "UK")\nhint: use --country GB\n');
    // Nothing is near, or only codes a letter away from a code of two letters, none of them meant.
    for (const country of ['Atlantis', 'XX', 'GER']) expect(await phxInProcess(['init', '--country', country]), country).toMatchObject({ code: 2, stderr: expect.not.stringContaining('hint') });
    // The words two names share are no part of a slip: `Республика Атлантида` is no slip from `Республика Корея` (KR).
    for (const country of ['Республика Атлантида', "Democratic People's Republic of Korea"]) {
      expect(await phxInProcess(['init', '--country', country]), country).toMatchObject({ code: 2, stderr: expect.not.stringContaining('hint') });
    }
    expect((await phxInProcess(['init', '--country', 'Республика Карея'])).stderr).toContain('\nhint: use --country KR\n');
  });

  it('has its placeholders flagged until they are replaced', async () => {
    const starter = dir.write('placeholders.phx.json', (await phxInProcess(['init', '--country', 'ZM'])).stdout);
    const flagged = await phxInProcess(['validate', '--format', 'json', starter]);
    const issues = (JSON.parse(flagged.stdout) as { files: { issues: { code: string; pointer: string }[] }[] }).files[0]!.issues;
    expect(issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['package.placeholder', '/id'],
      ['package.placeholder', '/publisher/id'],
      ['package.placeholder', '/publisher/name'],
      ['package.placeholder', '/description/en'],
      ['package.placeholder', '/organisations/0/id'],
      ['package.placeholder', '/organisations/0/name/en'],
    ]);
    expect((await phxInProcess(['validate', '--fail-on', 'warning', starter])).code).toBe(1);
    const filled = readFileSync(starter, 'utf8')
      .replaceAll('PHX-ORG-CHANGE-ME', 'ZM-PACRA-120045')
      .replaceAll('Name of your organisation', 'Zambia Prisons Reintegration Trust')
      .replace(/"my-organisation-\d+"/, '"zprt-2026"')
      .replace(/"What this package holds[^"]*"/, '"HIV testing in Zambian prisons, 2025"');
    const done = dir.write('filled.phx.json', filled);
    expect(await phxInProcess(['validate', '--fail-on', 'warning', done])).toMatchObject({ code: 0 });
  });

  /** What `phx init --locale` writes and says in each language: the placeholders, and the start of the note. */
  const starters = {
    en: { name: 'Name of your organisation', description: 'What this package holds: ', wrote: 'wrote ', countries: "give the organisation's countries" },
    ru: { name: 'Название вашей организации', description: 'Что содержит этот пакет: ', wrote: 'записано: ', countries: 'укажите страны организации' },
    uk: { name: 'Назва вашої організації', description: 'Що містить цей пакет: ', wrote: 'записано: ', countries: 'вкажіть країни організації' },
    fr: { name: 'Nom de votre organisation', description: 'Ce que contient ce paquet : ', wrote: 'écrit : remplacez les exemples', countries: "indiquez les pays de l'organisation" },
    es: { name: 'Nombre de su organización', description: 'Qué contiene este paquete: ', wrote: 'escrito: ', countries: 'indique los países de la organización' },
  } as const;

  it.each(Object.keys(starters) as (keyof typeof starters)[])('writes its placeholders in the language of --locale %s, each flagged until replaced', async (locale) => {
    const starter = starters[locale];
    const out = dir.path(`starter-${locale}.phx.json`);
    const run = await phxInProcess(['init', '--locale', locale, '--country', 'UA', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(starter.wrote);
    expect(run.stderr).toContain(`phx validate ${out}`);
    expect(run.stderr).not.toContain(starter.countries);
    const pkg = JSON.parse(readFileSync(out, 'utf8')) as { publisher: { id: string; name: string }; description: Record<string, string>; organisations: { id: string; name: Record<string, string> }[] };
    expect(pkg.publisher).toEqual({ id: 'PHX-ORG-CHANGE-ME', name: starter.name });
    expect(Object.keys(pkg.description)).toEqual([locale]);
    expect(pkg.description[locale]).toMatch(new RegExp(`^${starter.description}`));
    expect(pkg.organisations[0]).toMatchObject({ id: 'PHX-ORG-CHANGE-ME', name: { [locale]: starter.name } });
    expect(Object.keys(pkg.organisations[0]!.name)).toEqual([locale]);
    const report = await phxInProcess(['validate', '--format', 'json', '--locale', locale, out]);
    expect(report.code).toBe(0);
    const issues = (JSON.parse(report.stdout) as { files: { issues: { code: string; pointer: string; message: string }[] }[] }).files[0]!.issues;
    expect(issues.map((issue) => [issue.code, issue.pointer])).toEqual([
      ['package.placeholder', '/id'],
      ['package.placeholder', '/publisher/id'],
      ['package.placeholder', '/publisher/name'],
      ['package.placeholder', `/description/${locale}`],
      ['package.placeholder', '/organisations/0/id'],
      ['package.placeholder', `/organisations/0/name/${locale}`],
    ]);
    expect(issues[2]!.message).toContain(starter.name);
    expect((await phxInProcess(['init', '--locale', locale, '-o', dir.path(`no-country-${locale}.phx.json`)])).stderr).toContain(starter.countries);
  });

  it('takes the language of the environment without --locale, as the other commands do', async () => {
    const ukrainian = JSON.parse(phx(['init'], { env: { LANG: 'uk_UA.UTF-8' } }).stdout) as { publisher: { name: string }; description: Record<string, string> };
    expect(ukrainian.publisher.name).toBe(starters.uk.name);
    expect(Object.keys(ukrainian.description)).toEqual(['uk']);
    const russian = JSON.parse(phx(['init', '--locale', 'ru'], { env: { LANG: 'uk_UA.UTF-8' } }).stdout) as { publisher: { name: string } };
    expect(russian.publisher.name).toBe(starters.ru.name);
    expect(JSON.parse((await phxInProcess(['init'])).stdout)).toMatchObject({ publisher: { name: starters.en.name }, description: { en: expect.any(String) } });
    expect(await phxInProcess(['init', '--locale', 'de'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--locale must be one of en, ru, uk, fr, es (got "de")') });
  });

  it('documents --locale in its help', async () => {
    expect((await phxInProcess(['init', '--help'])).stdout).toMatch(/^ {2}--locale <en\|ru\|uk\|fr\|es> +language of the placeholders/m);
  });

  it('writes --out, and will not overwrite it without --force', async () => {
    const out = dir.path('init.phx.json');
    const first = await phxInProcess(['init', '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`wrote ${out}`);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('publisher');
    const again = await phxInProcess(['init', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${out} exists already`);
    expect(again.stderr).toContain('--force');
    expect((await phxInProcess(['init', '--out', out, '--force'])).code).toBe(0);
  });

  it('reports a folder that does not exist as an I/O error', async () => {
    const { code, stderr } = await phxInProcess(['init', '--out', dir.path('missing/dir/x.phx.json')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no such file');
  });
});

describe('phx schema', () => {
  it('prints the JSON Schema of the package by default', async () => {
    const { code, stdout } = await phxInProcess(['schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as Record<string, unknown>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://phx-network.github.io/phx/schemas/v1/DataPackage.schema.json');
  });

  it.each([
    ['Observation', 'Observation'],
    ['observation', 'Observation'],
    ['facilities', 'Facility'],
    ['indicator', 'IndicatorDefinition'],
    ['meeting', 'Meeting'],
  ])('prints the schema of %s', async (type, name) => {
    const { code, stdout } = await phxInProcess(['schema', type]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { $id: string }).$id).toBe(`https://phx-network.github.io/phx/schemas/v1/${name}.schema.json`);
  });

  it('names the types when given an unknown one', async () => {
    const { code, stderr } = await phxInProcess(['schema', 'person']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown type "person"');
    expect(stderr).toContain('DataPackage, Organisation, Facility, IndicatorDefinition, Observation, Meeting');
  });
});

describe('phx indicators', () => {
  it('lists the catalogue with names in the chosen locale', async () => {
    const en = await phxInProcess(['indicators', '--locale', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Code +Unit +Disaggregations +Framework +Name$/m);
    expect(en.stdout).toMatch(/hiv-prevalence-prisoners +Percent +Sex, Age group +unaids-gam +HIV prevalence/);
    expect(en.stdout).toMatch(/prisons-needles-distributed +Count +- +unaids-gam +Needles distributed/);
    const ru = await phxInProcess(['indicators', '--locale', 'ru']);
    expect(ru.stdout).toMatch(/hiv-prevalence-prisoners .*[А-Яа-я]/);
  });

  it('heads the table and names units and breakdowns in the chosen locale, keeping the codes', async () => {
    const rows = {
      uk: [/^Код +Одиниця +Розбивки +Система показників +Назва$/m, /^hiv-prevalence-prisoners +Відсоток +Стать, Вікова група +unaids-gam +Поширеність ВІЛ/m],
      ru: [/^Код +Единица +Разбивки +Система показателей +Название$/m, /^hiv-prevalence-prisoners +Процент +Пол, Возрастная группа +unaids-gam +/m],
      fr: [/^Code +Unité +Ventilations +Cadre +Nom$/m, /^hiv-prevalence-prisoners +Pourcentage +Sexe, Tranche d'âge +unaids-gam +/m],
      es: [/^Código +Unidad +Desgloses +Marco +Nombre$/m, /^hiv-prevalence-prisoners +Porcentaje +Sexo, Grupo de edad +unaids-gam +/m],
    };
    for (const [locale, [header, row]] of Object.entries(rows)) {
      const { stdout } = await phxInProcess(['indicators', '--locale', locale]);
      expect(stdout).toMatch(header!);
      expect(stdout).toMatch(row!);
      // No unit or breakdown is left as its code.
      expect(stdout).not.toMatch(/ (?:count|percent|rate-per-\d+|sex|ageGroup) /);
    }
  });

  it('takes the locale from the environment', () => {
    expect(phx(['indicators'], { env: { LANG: 'fr_FR.UTF-8' } }).stdout).toMatch(/hiv-prevalence-prisoners .*(?:VIH|Prévalence)/);
    expect(phx(['indicators'], { env: { LANG: 'uk_UA.UTF-8' } }).stdout).toMatch(/hiv-prevalence-prisoners .*Поширеність ВІЛ/);
  });

  it('prints the definitions as JSON with --format json', async () => {
    const definitions = JSON.parse((await phxInProcess(['indicators', '--format', 'json'])).stdout) as { code: string }[];
    expect(definitions.map((definition) => definition.code)).toContain('hiv-prevalence-prisoners');
  });

  it('rejects an unknown locale', async () => {
    const { code, stderr } = await phxInProcess(['indicators', '--locale', 'de']);
    expect(code).toBe(2);
    expect(stderr).toContain('--locale must be one of en, ru, uk, fr, es');
  });
});
