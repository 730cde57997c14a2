import { defaultQuestionnaire } from '@convene/domain';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { seedRequest } from '../requests/requests.fixtures';
import { ratedArea, seedAssessment } from './assessments.fixtures';

const PASSWORD = 'assessments passphrase';

describe('needs assessments', () => {
  let app: TestApp;
  let acme: string;
  let admin: ApiClient;
  let officer: ApiClient;
  let expert: ApiClient;
  let kenya: ApiClient;
  let uganda: ApiClient;
  let officerId: string;
  /** Kenya's assistance request an assessment may answer. */
  let kenyanRequest: string;

  const base = '/api/t/acme';
  const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id).sort();
  /** Every assessment row as it stands, to prove a refusal changed nothing. */
  const snapshot = () =>
    ownerQuery(app, `select id, status, version, answers from needs_assessments order by id`);
  const financing = (rating: number | null, evidence = '') =>
    defaultQuestionnaire()
      .filter((question) => question.area === 'financing')
      .map((question) => ({
        key: question.key,
        rating,
        evidence,
      }));

  beforeAll(async () => {
    // No mail worker: the tests read the queued mail, whose links a sent one no longer keeps.
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const member = async (email: string, role: string, state: string | null = null) =>
      (
        await addMember(ds, acme, {
          email,
          name: email.split('@')[0] ?? email,
          password: PASSWORD,
          role: role as 'expert',
          memberStateAlpha3: state,
        })
      ).userId;
    await member('admin@acme.example', 'tenant_admin');
    officerId = await member('officer@acme.example', 'programme_officer');
    await member('expert@acme.example', 'expert');
    await member('kenya@acme.example', 'focal_point', 'KEN');
    await member('uganda@acme.example', 'focal_point', 'UGA');
    const signIn = (email: string) => app.client().signIn(email, PASSWORD);
    admin = await signIn('admin@acme.example');
    officer = await signIn('officer@acme.example');
    expert = await signIn('expert@acme.example');
    kenya = await signIn('kenya@acme.example');
    uganda = await signIn('uganda@acme.example');
    ({ requestId: kenyanRequest } = await seedRequest(ds, app.running.store, acme, {
      state: 'KEN',
    }));
  });

  afterAll(() => app.close());

  describe('who sees what', () => {
    let kenyan: string;
    let ugandan: string;

    beforeAll(async () => {
      const ds = app.running.databases.app;
      kenyan = await seedAssessment(ds, acme, {
        state: 'KEN',
        answers: ratedArea('financing', 1, 'Kenyan evidence'),
      });
      ugandan = await seedAssessment(ds, acme, {
        state: 'UGA',
        answers: ratedArea('training', 3, 'Ugandan evidence'),
      });
    });

    it('shows officers every State’s assessments and a focal point only their own State’s', async () => {
      const all = await officer.get(`${base}/assessments?limit=100`);
      expect(all.status).toBe(200);
      expect(ids(all.body)).toEqual(expect.arrayContaining([kenyan, ugandan]));

      const mine = await kenya.get(`${base}/assessments?limit=100`);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((item: { memberState: string }) => item.memberState)).toEqual(
        mine.body.items.map(() => 'KEN'),
      );
      expect(ids(mine.body)).toContain(kenyan);
      expect(mine.text).not.toContain(ugandan);
      expect(mine.text).not.toContain('Ugandan evidence');

      // Filtering by another State does not widen the rule.
      const asked = await kenya.get(`${base}/assessments?state=UGA`);
      expect(asked.body.items).toEqual([]);
      expect((await uganda.get(`${base}/assessments/${kenyan}`)).status).toBe(404);
      const own = await uganda.get(`${base}/assessments/${ugandan}`);
      expect(own.status).toBe(200);
      expect(own.body.answers[0]).toMatchObject({ rating: 3, evidence: 'Ugandan evidence' });
    });

    it('shows experts none', async () => {
      expect((await expert.get(`${base}/assessments`)).status).toBe(403);
      expect((await expert.get(`${base}/assessments/${kenyan}`)).status).toBe(403);
    });

    it('filters by State and status', async () => {
      const ugandans = await officer.get(`${base}/assessments?state=uga&status=draft`);
      expect(ids(ugandans.body)).toEqual([ugandan]);
      expect((await officer.get(`${base}/assessments?status=validated`)).body.items).toEqual(
        expect.not.arrayContaining([expect.objectContaining({ id: ugandan })]),
      );
    });

    it('lets a focal point start an assessment of their own State only', async () => {
      const before = await snapshot();
      const other = await kenya.post(`${base}/assessments`, { memberState: 'UGA' });
      expect(other.status).toBe(403);
      expect(await snapshot()).toEqual(before);
      const own = await kenya.post(`${base}/assessments`, { memberState: 'ken' });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({
        memberState: 'KEN',
        status: 'draft',
        questionnaireVersion: 1,
        answered: 0,
        questions: 72,
        canEdit: true,
        canValidate: false,
      });
    });
  });

  describe('filling, submitting and validating', () => {
    it('saves section by section, refuses a stale save with what changed, and validates', async () => {
      // A request that does not exist (or is another tenant's) cannot be named.
      const untouched = await snapshot();
      const unknown = await officer.post(`${base}/assessments`, {
        memberState: 'KEN',
        requestId: '00000000-0000-4000-8000-000000000014',
      });
      expect(unknown.status).toBe(400);
      // Nor another State's request, nor a draft its State has not sent: the same answer.
      const { requestId: ugandan } = await seedRequest(
        app.running.databases.app,
        app.running.store,
        acme,
        {
          state: 'UGA',
        },
      );
      const { requestId: draft } = await seedRequest(
        app.running.databases.app,
        app.running.store,
        acme,
        {
          state: 'KEN',
          status: 'draft',
        },
      );
      for (const requestId of [ugandan, draft]) {
        const refused = await officer.post(`${base}/assessments`, {
          memberState: 'KEN',
          requestId,
        });
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({ errors: [{ path: 'requestId' }] });
      }
      expect(
        (await uganda.post(`${base}/assessments`, { memberState: 'UGA', requestId: kenyanRequest }))
          .status,
      ).toBe(400);
      expect(await snapshot()).toEqual(untouched);
      const created = await officer.post(`${base}/assessments`, {
        memberState: 'KEN',
        requestId: kenyanRequest,
      });
      expect(created.status).toBe(201);
      expect(created.body.requestId).toBe(kenyanRequest);
      const id = created.body.id as string;

      const saved = await kenya.put(`${base}/assessments/${id}/sections/financing`, {
        answers: financing(2, 'The 2023 AML/CFT Act criminalises financing.'),
        version: 1,
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ version: 2, answered: 6, overallGap: 50 });
      expect(saved.body.result.areas).toContainEqual({
        area: 'financing',
        gap: 50,
        answered: 6,
        questions: 6,
      });

      // The officer read version 1 too: their save would overwrite Kenya's.
      const before = await snapshot();
      const stale = await officer.put(`${base}/assessments/${id}/sections/financing`, {
        answers: financing(4),
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.headers.get('content-type')).toMatch(/problem\+json/);
      expect(stale.body.type).toBe('/problems/stale-version');
      expect(stale.body.detail).toMatch(/Version 2 was saved by kenya/);
      expect(await snapshot()).toEqual(before);

      // Another section keeps the first.
      const training = await officer.put(`${base}/assessments/${id}/sections/training`, {
        answers: [{ key: 'training.legal_framework', rating: 0, evidence: '' }],
        version: 2,
      });
      expect(training.status).toBe(200);
      expect(training.body.answered).toBe(7);
      expect(training.body.result.weakest).toEqual(['training', 'financing']);

      const submitted = await kenya.post(`${base}/assessments/${id}/submit`, { version: 3 });
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({ status: 'submitted', canEdit: false });
      const locked = await kenya.put(`${base}/assessments/${id}/sections/training`, {
        answers: [],
        version: 4,
      });
      expect(locked.status).toBe(409);
      expect(locked.body.type).toBe('/problems/assessment-state');

      // A focal point does not validate.
      expect(
        (
          await kenya.post(`${base}/assessments/${id}/validate`, {
            version: 4,
            priorities: 'x',
            recommendations: 'y',
          })
        ).status,
      ).toBe(403);

      const returned = await officer.post(`${base}/assessments/${id}/return`, {
        version: 4,
        reason: 'Please rate the other dimensions of training.',
      });
      expect(returned.status).toBe(201);
      expect(returned.body).toMatchObject({
        status: 'returned',
        returnReason: 'Please rate the other dimensions of training.',
      });
      expect((await kenya.get(`${base}/assessments/${id}`)).body.canEdit).toBe(true);
      const completed = await kenya.put(`${base}/assessments/${id}/sections/training`, {
        answers: [
          { key: 'training.legal_framework', rating: 1, evidence: 'Draft curriculum' },
          { key: 'training.institutional_capacity', rating: 1, evidence: '' },
        ],
        version: 5,
      });
      expect(completed.status).toBe(200);
      expect((await kenya.post(`${base}/assessments/${id}/submit`, { version: 6 })).status).toBe(
        201,
      );
      const validated = await officer.post(`${base}/assessments/${id}/validate`, {
        version: 7,
        priorities: 'Training of investigators.',
        recommendations: 'A national workshop on financial investigations.',
      });
      expect(validated.status).toBe(201);
      expect(validated.body).toMatchObject({
        status: 'validated',
        priorities: 'Training of investigators.',
        recommendations: 'A national workshop on financial investigations.',
        validatedBy: { id: officerId, name: 'officer' },
        returnReason: null,
        canEdit: false,
        canValidate: false,
      });
      // Kenya's focal point reads the officer's result.
      const read = await kenya.get(`${base}/assessments/${id}`);
      expect(read.body.priorities).toBe('Training of investigators.');
      const again = await officer.post(`${base}/assessments/${id}/validate`, {
        version: 8,
        priorities: 'x',
        recommendations: 'y',
      });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('/problems/assessment-state');
    });

    it('mails each step to the other side only, in their language, never to who took it', async () => {
      const mails = (kind: string) =>
        ownerQuery<{ recipient: string; payload: Record<string, unknown> }>(
          app,
          `select recipient, payload from mail_outbox where kind = $1 order by recipient`,
          [kind],
        );
      const clear = () => ownerQuery(app, `delete from mail_outbox where kind like 'assessment_%'`);
      await clear();
      const created = await kenya.post(`${base}/assessments`, { memberState: 'KEN' });
      const id = created.body.id as string;
      await kenya.put(`${base}/assessments/${id}/sections/financing`, {
        answers: financing(2, 'A unit exists'),
        version: 1,
      });
      expect((await kenya.post(`${base}/assessments/${id}/submit`, { version: 2 })).status).toBe(
        201,
      );
      // The officers and the admin, who validate; not the expert, not Uganda, not Kenya.
      const submitted = await mails('assessment_submitted');
      expect(submitted.map((mail) => mail.recipient)).toEqual([
        'admin@acme.example',
        'officer@acme.example',
      ]);
      expect(submitted[0]?.payload).toMatchObject({
        stateName: 'Kenya',
        answered: financing(2).length,
        questions: defaultQuestionnaire().length,
        resubmitted: false,
        link: expect.stringMatching(new RegExp(`/t/acme/assessments/${id}$`)),
      });
      expect(await mails('assessment_reviewed')).toEqual([]);

      await officer.post(`${base}/assessments/${id}/return`, {
        version: 3,
        reason: 'Please rate training too.',
      });
      // Kenya's focal point only: Uganda's does not see Kenya's assessment.
      const returned = await mails('assessment_reviewed');
      expect(returned.map((mail) => mail.recipient)).toEqual(['kenya@acme.example']);
      expect(returned[0]?.payload).toMatchObject({
        outcome: 'returned',
        reason: 'Please rate training too.',
      });

      // An officer resubmitting on the State's behalf is not told of it; the admin is.
      await clear();
      expect((await officer.post(`${base}/assessments/${id}/submit`, { version: 4 })).status).toBe(
        201,
      );
      const resubmitted = await mails('assessment_submitted');
      expect(resubmitted.map((mail) => mail.recipient)).toEqual(['admin@acme.example']);
      expect(resubmitted[0]?.payload).toMatchObject({ resubmitted: true });

      await officer.post(`${base}/assessments/${id}/validate`, {
        version: 5,
        priorities: 'Financing.',
        recommendations: 'A workshop.',
      });
      const validated = await mails('assessment_reviewed');
      expect(validated.map((mail) => mail.recipient)).toEqual(['kenya@acme.example']);
      expect(validated[0]?.payload).toMatchObject({ outcome: 'validated', reason: null });

      // A refused step sends nothing.
      await clear();
      expect(
        (await officer.post(`${base}/assessments/${id}/return`, { version: 6, reason: 'x' }))
          .status,
      ).toBe(409);
      expect(await mails('assessment_reviewed')).toEqual([]);
    });

    it('refuses to submit an assessment with nothing rated', async () => {
      const created = await kenya.post(`${base}/assessments`, { memberState: 'KEN' });
      const empty = await kenya.post(`${base}/assessments/${created.body.id}/submit`, {
        version: 1,
      });
      expect(empty.status).toBe(409);
      expect(empty.body.type).toBe('/problems/assessment-state');
    });

    it('measures the change since the State’s earlier validated assessment', async () => {
      const ds = app.running.databases.app;
      await seedAssessment(ds, acme, {
        state: 'RWA',
        status: 'validated',
        createdAt: '2025-01-15T08:00:00Z',
        answers: { ...ratedArea('financing', 0), ...ratedArea('training', 2) },
      });
      const now = await seedAssessment(ds, acme, {
        state: 'RWA',
        status: 'submitted',
        createdAt: '2026-01-15T08:00:00Z',
        answers: { ...ratedArea('financing', 2), ...ratedArea('propaganda', 1) },
      });
      const detail = await officer.get(`${base}/assessments/${now}`);
      expect(detail.status).toBe(200);
      // Only financing compares (training was not answered now, propaganda not then):
      // then gap 100, now 50.
      expect(detail.body.comparison).toMatchObject({
        earlier: 100,
        current: 50,
        change: -50,
        comparable: 6,
      });
      expect(detail.body.comparison.areas).toContainEqual({
        area: 'financing',
        earlier: 100,
        current: 50,
        change: -50,
        comparable: 6,
      });
    });
  });

  describe('hostile input', () => {
    let id: string;
    beforeAll(async () => {
      id = (await kenya.post(`${base}/assessments`, { memberState: 'KEN' })).body.id;
    });

    it.each([
      [
        'a rating above 4',
        { answers: [{ key: 'financing.legal_framework', rating: 5, evidence: '' }], version: 1 },
      ],
      [
        'a NUL in the evidence',
        {
          answers: [{ key: 'financing.legal_framework', rating: 1, evidence: 'a\u0000b' }],
          version: 1,
        },
      ],
      [
        'a question of another section',
        { answers: [{ key: 'training.legal_framework', rating: 1, evidence: '' }], version: 1 },
      ],
      [
        'a question repeated',
        {
          answers: [
            { key: 'financing.legal_framework', rating: 1, evidence: '' },
            { key: 'financing.legal_framework', rating: 2, evidence: '' },
          ],
          version: 1,
        },
      ],
      ['an unknown field', { answers: [], version: 1, status: 'validated' }],
      [
        'evidence too long',
        {
          answers: [{ key: 'financing.legal_framework', rating: 1, evidence: 'x'.repeat(2001) }],
          version: 1,
        },
      ],
    ])('refuses %s with 400 problem+json and changes nothing', async (_, body) => {
      const before = await snapshot();
      const response = await kenya.put(`${base}/assessments/${id}/sections/financing`, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 404 for a section the questionnaire does not hold and for a malformed id', async () => {
      const body = { answers: [], version: 1 };
      expect((await kenya.put(`${base}/assessments/${id}/sections/astrology`, body)).status).toBe(
        404,
      );
      expect((await kenya.get(`${base}/assessments/not-a-uuid`)).status).toBe(404);
    });

    it('refuses an unknown State', async () => {
      expect((await officer.post(`${base}/assessments`, { memberState: 'ZZZ' })).status).toBe(400);
    });
  });

  describe('questionnaire versions', () => {
    it('lets admins copy, edit and publish a version that new assessments then record', async () => {
      const listed = await officer.get(`${base}/assessment-questionnaires`);
      expect(listed.body).toMatchObject({ canConfigure: false });
      expect(listed.body.items).toEqual([
        expect.objectContaining({ id: 'default', number: 1, builtIn: true, current: true }),
      ]);

      const copy = await admin.post(`${base}/assessment-questionnaires`, { from: 1 });
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({
        number: 2,
        status: 'draft',
        basedOn: 1,
        questionCount: 72,
      });
      const draftId = copy.body.id as string;
      // A draft is the admins' own until published.
      expect((await officer.get(`${base}/assessment-questionnaires/${draftId}`)).status).toBe(404);

      // Drop the human-rights area, reword a question, add one of its own.
      const questions = [
        ...copy.body.questions.filter(
          (question: { area: string }) => question.area !== 'human_rights',
        ),
        {
          key: 'financing.crypto-assets',
          area: 'financing',
          dimension: 'institutional_capacity',
          text: {
            en: 'Can the authorities trace and freeze crypto-assets?',
            fr: 'Les autorités peuvent-elles tracer les crypto-actifs ?',
          },
        },
      ];
      const moved = await admin.put(`${base}/assessment-questionnaires/${draftId}`, {
        title: 'Questionnaire 2026',
        questions: questions.map((question: { key: string; dimension: string }) =>
          question.key === 'financing.legal_framework'
            ? { ...question, dimension: 'human_rights_safeguards' }
            : question,
        ),
        version: 1,
      });
      expect(moved.status).toBe(400);
      expect(moved.body.detail).toMatch(/keeps its area and dimension/);

      const edited = await admin.put(`${base}/assessment-questionnaires/${draftId}`, {
        title: 'Questionnaire 2026',
        questions,
        version: 1,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ questionCount: 67, version: 2 });
      expect(edited.body.areas).not.toContain('human_rights');
      const stale = await admin.put(`${base}/assessment-questionnaires/${draftId}`, {
        title: 'Questionnaire 2026',
        questions,
        version: 1,
      });
      expect(stale.status).toBe(409);

      const published = await admin.post(`${base}/assessment-questionnaires/${draftId}/publish`, {
        version: 2,
      });
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ status: 'published', current: true });
      const frozen = await admin.put(`${base}/assessment-questionnaires/${draftId}`, {
        title: 'Changed',
        questions,
        version: 3,
      });
      expect(frozen.status).toBe(409);
      expect(frozen.body.type).toBe('/problems/assessment-state');
      expect(
        (
          await admin.put(`${base}/assessment-questionnaires/default`, {
            title: 'Changed',
            questions,
            version: 1,
          })
        ).status,
      ).toBe(409);

      const assessment = await officer.post(`${base}/assessments`, { memberState: 'UGA' });
      expect(assessment.body).toMatchObject({ questionnaireVersion: 2, questions: 67 });
      expect(assessment.body.questionnaire).toContainEqual(
        expect.objectContaining({ key: 'financing.crypto-assets' }),
      );
      const saved = await officer.put(
        `${base}/assessments/${assessment.body.id}/sections/human_rights`,
        { answers: [], version: 1 },
      );
      expect(saved.status).toBe(404);
      // Those started before keep the version they used.
      const older = await kenya.get(`${base}/assessments?limit=100`);
      expect(
        older.body.items.every(
          (item: { questionnaireVersion: number }) => item.questionnaireVersion === 1,
        ),
      ).toBe(true);
    });

    it('keeps versions to tenant admins', async () => {
      expect((await officer.post(`${base}/assessment-questionnaires`, { from: 1 })).status).toBe(
        403,
      );
      expect((await kenya.get(`${base}/assessment-questionnaires/default`)).status).toBe(200);
    });
  });
});
