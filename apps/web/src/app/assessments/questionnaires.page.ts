import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  ASSESSMENT_DIMENSIONS,
  type Questionnaire,
  type QuestionnaireList,
  type QuestionnaireQuestion,
  THEMATIC_AREAS,
  type ThematicArea,
  UN_LANGUAGES,
} from '@convene/contracts';
import { questionnaireAreas } from '@convene/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { questionText } from './assessment-labels';
import { AssessmentsApi } from './assessments.api';

type Dimension = QuestionnaireQuestion['dimension'];

/**
 * The questionnaire's versions (tenant admins): the built-in default and the tenant's own;
 * copy one into a new draft, edit the draft (titles, question texts in the six languages,
 * questions and areas added or removed), publish it. New assessments use the newest published.
 */
@Component({
  selector: 'cv-questionnaires-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './questionnaires.page.html',
  styleUrl: './assessments.scss',
})
export class QuestionnairesPage {
  private readonly api = inject(AssessmentsApi);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  protected readonly language = inject(LanguageService).language;
  protected readonly languages = UN_LANGUAGES;
  protected readonly dimensions = ASSESSMENT_DIMENSIONS;
  protected readonly text = questionText;

  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);
  protected readonly list = signal<QuestionnaireList | null>(null);
  /** The version open below the list. */
  protected readonly open = signal<Questionnaire | null>(null);
  /** The draft's title and questions as edited. */
  protected title = '';
  protected readonly questions = signal<QuestionnaireQuestion[]>([]);
  protected readonly busy = signal(false);
  protected readonly editable = computed(() => this.open()?.status === 'draft');
  protected readonly areas = computed(() => questionnaireAreas(this.questions()));
  protected readonly missingAreas = computed(() =>
    THEMATIC_AREAS.filter((area) => !this.areas().includes(area)),
  );
  /** A question to add, per area. */
  protected readonly adding: Record<string, { dimension: Dimension; en: string }> = {};
  protected newArea: ThematicArea | null = null;

  constructor() {
    effect(() => {
      if (this.tenant()) untracked(() => this.reload());
    });
  }

  private reload(): void {
    const tenant = this.tenant();
    if (!tenant) return;
    this.api.questionnaires(tenant).subscribe({
      next: (list) => this.list.set(list),
      error: (error: unknown) => this.notifier.failure(toProblem(error)),
    });
  }

  protected show(id: string): void {
    const tenant = this.tenant();
    if (!tenant) return;
    this.api.questionnaire(tenant, id).subscribe({
      next: (questionnaire) => this.edit(questionnaire),
      error: (error: unknown) => this.notifier.failure(toProblem(error)),
    });
  }

  private edit(questionnaire: Questionnaire): void {
    this.open.set(questionnaire);
    this.title = questionnaire.title;
    this.questions.set(
      questionnaire.questions.map((question) => ({ ...question, text: { ...question.text } })),
    );
  }

  protected copy(from: number): void {
    const tenant = this.tenant();
    if (!tenant) return;
    this.busy.set(true);
    this.api.copyQuestionnaire(tenant, from).subscribe({
      next: (copy) => {
        this.busy.set(false);
        this.edit(copy);
        this.reload();
        this.notifier.success('assessments.questionnaires.copied', { number: copy.number });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.failure(toProblem(error));
      },
    });
  }

  protected inArea(area: ThematicArea): QuestionnaireQuestion[] {
    return this.questions().filter((question) => question.area === area);
  }

  protected setText(key: string, language: (typeof UN_LANGUAGES)[number], value: string): void {
    this.questions.update((questions) =>
      questions.map((question) =>
        question.key === key
          ? { ...question, text: { ...question.text, [language]: value } }
          : question,
      ),
    );
  }

  protected remove(key: string): void {
    this.questions.update((questions) => questions.filter((question) => question.key !== key));
  }

  protected removeArea(area: ThematicArea): void {
    this.questions.update((questions) => questions.filter((question) => question.area !== area));
  }

  protected draftFor(area: string): { dimension: Dimension; en: string } {
    this.adding[area] ??= { dimension: 'legal_framework', en: '' };
    return this.adding[area];
  }

  /** A new question gets a new key: answers to it compare with no earlier question. */
  protected add(area: ThematicArea): void {
    const draft = this.draftFor(area);
    const en = draft.en.trim();
    if (!en) return;
    const taken = new Set(this.questions().map((question) => question.key));
    let index = 1;
    let key = `${area}.${draft.dimension}.v${this.open()?.number ?? 2}-${index}`;
    while (taken.has(key))
      key = `${area}.${draft.dimension}.v${this.open()?.number ?? 2}-${++index}`;
    this.questions.update((questions) => [
      ...questions,
      { key, area, dimension: draft.dimension, text: { en } },
    ]);
    this.adding[area] = { dimension: draft.dimension, en: '' };
  }

  /** An area back, with the default's six questions (their keys: comparable again). */
  protected addArea(): void {
    const area = this.newArea;
    if (!area) return;
    const texts: Record<Dimension, string> = {
      legal_framework: 'How far do the laws and regulations cover this area?',
      institutional_capacity: 'Do the competent institutions have the means to act in this area?',
      inter_agency_coordination: 'How well do the national agencies coordinate in this area?',
      international_cooperation: 'How effective is international cooperation in this area?',
      private_sector_cooperation:
        'How established is cooperation with the private sector in this area?',
      human_rights_safeguards: 'Are human rights safeguarded in the measures taken in this area?',
    };
    this.questions.update((questions) => [
      ...questions,
      ...ASSESSMENT_DIMENSIONS.map((dimension) => ({
        key: `${area}.${dimension}`,
        area,
        dimension,
        text: { en: texts[dimension] },
      })),
    ]);
    this.newArea = null;
  }

  protected save(): void {
    const tenant = this.tenant();
    const open = this.open();
    if (!tenant || !open) return;
    this.busy.set(true);
    const questions = this.questions().map((question) => ({
      ...question,
      text: Object.fromEntries(
        Object.entries(question.text).filter(([, value]) => (value ?? '').trim() !== ''),
      ) as QuestionnaireQuestion['text'],
    }));
    this.api
      .updateQuestionnaire(tenant, open.id, { title: this.title, questions, version: open.version })
      .subscribe({
        next: (saved) => {
          this.busy.set(false);
          this.edit(saved);
          this.reload();
          this.notifier.success('assessments.questionnaires.saved');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.notifier.failure(toProblem(error));
        },
      });
  }

  protected publish(): void {
    const tenant = this.tenant();
    const open = this.open();
    if (!tenant || !open) return;
    this.busy.set(true);
    this.api.publishQuestionnaire(tenant, open.id, open.version).subscribe({
      next: (published) => {
        this.busy.set(false);
        this.edit(published);
        this.reload();
        this.notifier.success('assessments.questionnaires.published');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.notifier.failure(toProblem(error));
      },
    });
  }
}
