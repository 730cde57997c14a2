import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AssessmentAnswer,
  AssessmentDetail,
  AssessmentPage,
  AssessmentStatus,
  Questionnaire,
  QuestionnaireList,
  QuestionnaireQuestion,
} from '@convene/contracts';

export const ASSESSMENTS_PAGE = 25;

/** What the list asks for; null leaves a filter out. */
export interface AssessmentFilter {
  state: string | null;
  status: AssessmentStatus | null;
}

const enc = encodeURIComponent;

/** Needs assessments and the questionnaire's versions: /api/t/:tenant/assessments… */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string): string {
    return `/api/t/${enc(tenant)}`;
  }

  list(tenant: string, filter: AssessmentFilter, after: string | null, limit = ASSESSMENTS_PAGE) {
    let params = new HttpParams().set('limit', limit);
    if (filter.state) params = params.set('state', filter.state);
    if (filter.status) params = params.set('status', filter.status);
    if (after) params = params.set('after', after);
    return this.http.get<AssessmentPage>(`${this.base(tenant)}/assessments`, { params });
  }

  /** The address of one assessment, for fetched(). */
  url(tenant: string, id: string): string {
    return `${this.base(tenant)}/assessments/${enc(id)}`;
  }

  get(tenant: string, id: string) {
    return this.http.get<AssessmentDetail>(this.url(tenant, id));
  }

  create(tenant: string, memberState: string) {
    return this.http.post<AssessmentDetail>(`${this.base(tenant)}/assessments`, { memberState });
  }

  saveSection(
    tenant: string,
    id: string,
    area: string,
    answers: AssessmentAnswer[],
    version: number,
  ) {
    return this.http.put<AssessmentDetail>(`${this.url(tenant, id)}/sections/${enc(area)}`, {
      answers,
      version,
    });
  }

  submit(tenant: string, id: string, version: number) {
    return this.http.post<AssessmentDetail>(`${this.url(tenant, id)}/submit`, { version });
  }

  validate(
    tenant: string,
    id: string,
    body: { version: number; priorities: string; recommendations: string },
  ) {
    return this.http.post<AssessmentDetail>(`${this.url(tenant, id)}/validate`, body);
  }

  returnToFill(tenant: string, id: string, body: { version: number; reason: string }) {
    return this.http.post<AssessmentDetail>(`${this.url(tenant, id)}/return`, body);
  }

  questionnaires(tenant: string) {
    return this.http.get<QuestionnaireList>(`${this.base(tenant)}/assessment-questionnaires`);
  }

  questionnaire(tenant: string, id: string) {
    return this.http.get<Questionnaire>(
      `${this.base(tenant)}/assessment-questionnaires/${enc(id)}`,
    );
  }

  copyQuestionnaire(tenant: string, from: number) {
    return this.http.post<Questionnaire>(`${this.base(tenant)}/assessment-questionnaires`, {
      from,
    });
  }

  updateQuestionnaire(
    tenant: string,
    id: string,
    body: { title: string; questions: QuestionnaireQuestion[]; version: number },
  ) {
    return this.http.put<Questionnaire>(
      `${this.base(tenant)}/assessment-questionnaires/${enc(id)}`,
      body,
    );
  }

  publishQuestionnaire(tenant: string, id: string, version: number) {
    return this.http.post<Questionnaire>(
      `${this.base(tenant)}/assessment-questionnaires/${enc(id)}/publish`,
      { version },
    );
  }
}
