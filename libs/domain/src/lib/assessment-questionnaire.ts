import {
  ASSESSMENT_DIMENSIONS,
  type AssessmentDimension,
  THEMATIC_AREAS,
  type ThematicArea,
  type UN_LANGUAGES,
} from '@convene/contracts';

/** A question's text in the six UN languages (English always; a missing one reads English). */
export type QuestionText = { en: string } & Partial<Record<(typeof UN_LANGUAGES)[number], string>>;

/**
 * One question of a needs-assessment questionnaire. Its `key` is its identity across versions:
 * a copied version keeps the keys, so a question that is unchanged compares across
 * assessments; a new question gets a new key, and a key keeps its area and dimension.
 */
export interface QuestionnaireQuestion {
  key: string;
  area: ThematicArea;
  dimension: AssessmentDimension;
  text: QuestionText;
}

/** The question of each dimension, the same in every area (the area is the section). */
const DIMENSION_QUESTIONS: Record<AssessmentDimension, Required<QuestionText>> = {
  legal_framework: {
    en: 'How far do the laws and regulations cover this area?',
    fr: 'Dans quelle mesure les lois et règlements couvrent-ils ce domaine ?',
    es: '¿En qué medida las leyes y los reglamentos abarcan esta esfera?',
    ru: 'В какой мере законы и нормативные акты охватывают эту область?',
    zh: '法律法规在多大程度上涵盖这一领域？',
    ar: 'إلى أي مدى تغطي القوانين واللوائح هذا المجال؟',
  },
  institutional_capacity: {
    en: 'Do the competent institutions have the mandate, staff, skills and means to act in this area?',
    fr: 'Les institutions compétentes disposent-elles du mandat, du personnel, des compétences et des moyens pour agir dans ce domaine ?',
    es: '¿Tienen las instituciones competentes el mandato, el personal, las competencias y los medios para actuar en esta esfera?',
    ru: 'Есть ли у компетентных учреждений мандат, персонал, навыки и средства для действий в этой области?',
    zh: '主管机构是否具备在这一领域开展工作的授权、人员、技能和手段？',
    ar: 'هل تملك المؤسسات المختصة الولاية والموظفين والمهارات والوسائل للعمل في هذا المجال؟',
  },
  inter_agency_coordination: {
    en: 'How well do the national agencies concerned share information and coordinate in this area?',
    fr: 'Dans quelle mesure les services nationaux concernés échangent-ils des informations et se coordonnent-ils dans ce domaine ?',
    es: '¿En qué medida los organismos nacionales interesados intercambian información y se coordinan en esta esfera?',
    ru: 'Насколько хорошо соответствующие национальные ведомства обмениваются информацией и координируют работу в этой области?',
    zh: '相关国家机构在这一领域共享信息和协调的情况如何？',
    ar: 'ما مدى تبادل الأجهزة الوطنية المعنية للمعلومات وتنسيقها في هذا المجال؟',
  },
  international_cooperation: {
    en: 'How effective is cooperation with other States and international bodies in this area?',
    fr: 'Quelle est l’efficacité de la coopération avec d’autres États et les organismes internationaux dans ce domaine ?',
    es: '¿Qué eficacia tiene la cooperación con otros Estados y organismos internacionales en esta esfera?',
    ru: 'Насколько эффективно сотрудничество с другими государствами и международными органами в этой области?',
    zh: '在这一领域与其他国家和国际机构的合作成效如何？',
    ar: 'ما مدى فعالية التعاون مع الدول الأخرى والهيئات الدولية في هذا المجال؟',
  },
  private_sector_cooperation: {
    en: 'How established is cooperation with the private sector (service providers, financial institutions) in this area?',
    fr: 'Dans quelle mesure la coopération avec le secteur privé (fournisseurs de services, institutions financières) est-elle établie dans ce domaine ?',
    es: '¿En qué medida está establecida la cooperación con el sector privado (proveedores de servicios, instituciones financieras) en esta esfera?',
    ru: 'Насколько налажено сотрудничество с частным сектором (поставщики услуг, финансовые учреждения) в этой области?',
    zh: '在这一领域与私营部门（服务提供商、金融机构）的合作建立得如何？',
    ar: 'ما مدى رسوخ التعاون مع القطاع الخاص (مقدمو الخدمات والمؤسسات المالية) في هذا المجال؟',
  },
  human_rights_safeguards: {
    en: 'Are human rights and the rule of law safeguarded in the measures taken in this area?',
    fr: 'Les droits de l’homme et l’état de droit sont-ils garantis dans les mesures prises dans ce domaine ?',
    es: '¿Se salvaguardan los derechos humanos y el estado de derecho en las medidas adoptadas en esta esfera?',
    ru: 'Обеспечиваются ли права человека и верховенство права в мерах, принимаемых в этой области?',
    zh: '在这一领域采取的措施中，人权和法治是否得到保障？',
    ar: 'هل تُصان حقوق الإنسان وسيادة القانون في التدابير المتخذة في هذا المجال؟',
  },
};

/** The stable key of the default question of an area and dimension: `financing.legal_framework`. */
export const defaultQuestionKey = (area: ThematicArea, dimension: AssessmentDimension): string =>
  `${area}.${dimension}`;

/**
 * The default questionnaire, version 1, shipped with the application and the same for every
 * tenant: for each thematic area, a rating 0–4 of each of the six dimensions (72 questions).
 * Tenants copy it into versions of their own (2, 3, …) and edit those.
 */
export function defaultQuestionnaire(): readonly QuestionnaireQuestion[] {
  // Built when first asked, not at import: the web app's first load imports this library and
  // must not carry the questionnaire's texts.
  builtDefault ??= THEMATIC_AREAS.flatMap((area) =>
    ASSESSMENT_DIMENSIONS.map((dimension) => ({
      key: defaultQuestionKey(area, dimension),
      area,
      dimension,
      text: { ...DIMENSION_QUESTIONS[dimension] },
    })),
  );
  return builtDefault;
}
let builtDefault: readonly QuestionnaireQuestion[] | undefined;

/** The areas a questionnaire covers, in the order of THEMATIC_AREAS. */
export function questionnaireAreas(questions: readonly { area: ThematicArea }[]): ThematicArea[] {
  const present = new Set(questions.map((question) => question.area));
  return THEMATIC_AREAS.filter((area) => present.has(area));
}

/**
 * Why an edited questionnaire may not replace `earlier` questions (null when it may): keys are
 * unique, and a key that the version it was copied from holds keeps its area and dimension (a
 * question that changes meaning is a new question, with a new key).
 */
export function questionnaireEditProblem(
  questions: readonly QuestionnaireQuestion[],
  known: readonly QuestionnaireQuestion[],
): string | null {
  const seen = new Set<string>();
  for (const question of questions) {
    if (seen.has(question.key)) return `The key ${question.key} is used twice.`;
    seen.add(question.key);
  }
  const byKey = new Map(known.map((question) => [question.key, question]));
  for (const question of questions) {
    const before = byKey.get(question.key);
    if (before && (before.area !== question.area || before.dimension !== question.dimension)) {
      return `The question ${question.key} keeps its area and dimension; a new question needs a new key.`;
    }
  }
  if (questions.length === 0) return 'A questionnaire has at least one question.';
  return null;
}
