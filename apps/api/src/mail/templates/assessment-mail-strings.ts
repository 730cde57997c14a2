import type { MessageOf } from './mail-message';
import type { KindStrings, MailLanguage } from './mail-strings';

/*
 * The mail of needs assessments (docs/assessments.md, "Mail") in the six languages, spread into
 * MAIL_STRINGS beside the requests': the compiler asks every string of both kinds in each
 * language.
 */

/** French puts a no-break space before ":" so it never starts a line. */
const NBSP = '\u00a0';

type AssessmentKinds = {
  assessment_submitted: KindStrings<MessageOf<'assessment_submitted'>>;
  assessment_reviewed: KindStrings<MessageOf<'assessment_reviewed'>>;
};

export const ASSESSMENT_MAIL_STRINGS: Record<MailLanguage, AssessmentKinds> = {
  en: {
    assessment_submitted: {
      subject: (m) =>
        m.resubmitted
          ? `Needs assessment resubmitted by ${m.stateName}`
          : `Needs assessment submitted by ${m.stateName}`,
      paragraphs: (m) => [
        `Hello ${m.name},`,
        `${m.stateName} ${m.resubmitted ? 'completed its needs assessment and submitted it again' : 'submitted its needs assessment'} (${m.answered} of ${m.questions} questions rated). It waits for an officer to validate or return it.`,
      ],
      action: 'Open the assessment',
      footer:
        'You receive this message as an officer of this organisation. You can turn these messages off in your profile.',
    },
    assessment_reviewed: {
      subject: (m) =>
        m.outcome === 'validated'
          ? `Your State’s needs assessment is validated`
          : `Your State’s needs assessment was returned`,
      paragraphs: (m) => [
        `Hello ${m.name},`,
        m.outcome === 'validated'
          ? `${m.tenantName} validated the needs assessment of ${m.stateName}. The officers’ priorities and recommendations are on its page.`
          : `${m.tenantName} returned the needs assessment of ${m.stateName}. Please complete it and submit it again:`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Open the assessment',
      footer:
        'You receive this message as a focal point of the assessed State. You can turn these messages off in your profile.',
    },
  },
  fr: {
    assessment_submitted: {
      subject: (m) =>
        m.resubmitted
          ? `Évaluation des besoins soumise à nouveau par ${m.stateName}`
          : `Évaluation des besoins soumise par ${m.stateName}`,
      paragraphs: (m) => [
        `Bonjour ${m.name},`,
        `${m.stateName} ${m.resubmitted ? 'a complété son évaluation des besoins et l’a soumise à nouveau' : 'a soumis son évaluation des besoins'} (${m.answered} questions notées sur ${m.questions}). Elle attend qu’un chargé de programme la valide ou la renvoie.`,
      ],
      action: 'Ouvrir l’évaluation',
      footer:
        'Vous recevez ce message en tant que chargé de programme de cette organisation. Vous pouvez désactiver ces messages dans votre profil.',
    },
    assessment_reviewed: {
      subject: (m) =>
        m.outcome === 'validated'
          ? `L’évaluation des besoins de votre État est validée`
          : `L’évaluation des besoins de votre État vous est renvoyée`,
      paragraphs: (m) => [
        `Bonjour ${m.name},`,
        m.outcome === 'validated'
          ? `${m.tenantName} a validé l’évaluation des besoins de ${m.stateName}. Les priorités et recommandations des chargés de programme figurent sur sa page.`
          : `${m.tenantName} a renvoyé l’évaluation des besoins de ${m.stateName}. Veuillez la compléter et la soumettre à nouveau${NBSP}:`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Ouvrir l’évaluation',
      footer:
        'Vous recevez ce message en tant que point focal de l’État évalué. Vous pouvez désactiver ces messages dans votre profil.',
    },
  },
  es: {
    assessment_submitted: {
      subject: (m) =>
        m.resubmitted
          ? `Evaluación de necesidades presentada de nuevo por ${m.stateName}`
          : `Evaluación de necesidades presentada por ${m.stateName}`,
      paragraphs: (m) => [
        `Hola, ${m.name}:`,
        `${m.stateName} ${m.resubmitted ? 'completó su evaluación de necesidades y la presentó de nuevo' : 'presentó su evaluación de necesidades'} (${m.answered} de ${m.questions} preguntas calificadas). Espera que un oficial la valide o la devuelva.`,
      ],
      action: 'Abrir la evaluación',
      footer:
        'Recibe este mensaje como oficial de programas de esta organización. Puede desactivar estos mensajes en su perfil.',
    },
    assessment_reviewed: {
      subject: (m) =>
        m.outcome === 'validated'
          ? `La evaluación de necesidades de su Estado ha sido validada`
          : `La evaluación de necesidades de su Estado ha sido devuelta`,
      paragraphs: (m) => [
        `Hola, ${m.name}:`,
        m.outcome === 'validated'
          ? `${m.tenantName} validó la evaluación de necesidades de ${m.stateName}. Las prioridades y recomendaciones de los oficiales figuran en su página.`
          : `${m.tenantName} devolvió la evaluación de necesidades de ${m.stateName}. Por favor, complétela y preséntela de nuevo:`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Abrir la evaluación',
      footer:
        'Recibe este mensaje como punto focal del Estado evaluado. Puede desactivar estos mensajes en su perfil.',
    },
  },
  ar: {
    assessment_submitted: {
      subject: (m) =>
        m.resubmitted
          ? `أعيد تقديم تقييم احتياجات ${m.stateName}`
          : `قُدِّم تقييم احتياجات ${m.stateName}`,
      paragraphs: (m) => [
        `مرحبًا ${m.name}،`,
        `${m.resubmitted ? 'استُكمل تقييم احتياجات' : 'قُدِّم تقييم احتياجات'} ${m.stateName}${m.resubmitted ? ' وأعيد تقديمه' : ''} (الأسئلة المقيَّمة: ${m.answered} من ${m.questions}). وهو بانتظار أن يعتمده أحد موظفي البرامج أو يعيده.`,
      ],
      action: 'فتح التقييم',
      footer:
        'تتلقون هذه الرسالة بصفتكم موظف برامج في هذه المنظمة. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
    },
    assessment_reviewed: {
      subject: (m) =>
        m.outcome === 'validated'
          ? 'اعتُمد تقييم احتياجات دولتكم'
          : 'أعيد إليكم تقييم احتياجات دولتكم',
      paragraphs: (m) => [
        `مرحبًا ${m.name}،`,
        m.outcome === 'validated'
          ? `اعتمدت ${m.tenantName} تقييم احتياجات ${m.stateName}. وترد أولويات موظفي البرامج وتوصياتهم في صفحته.`
          : `أعادت ${m.tenantName} تقييم احتياجات ${m.stateName}. يرجى استكماله وتقديمه من جديد:`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'فتح التقييم',
      footer:
        'تتلقون هذه الرسالة بصفتكم جهة الاتصال للدولة المقيَّمة. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
    },
  },
  zh: {
    assessment_submitted: {
      subject: (m) =>
        m.resubmitted ? `${m.stateName}重新提交了需求评估` : `${m.stateName}提交了需求评估`,
      paragraphs: (m) => [
        `${m.name}，您好：`,
        `${m.stateName}${m.resubmitted ? '补充了需求评估并重新提交' : '提交了需求评估'}（已评分问题：${m.answered}/${m.questions}），等待项目官员审定或退回。`,
      ],
      action: '打开评估',
      footer: '您作为本组织的项目官员收到此邮件。您可以在个人资料中关闭此类邮件。',
    },
    assessment_reviewed: {
      subject: (m) => (m.outcome === 'validated' ? '贵国的需求评估已审定' : '贵国的需求评估已退回'),
      paragraphs: (m) => [
        `${m.name}，您好：`,
        m.outcome === 'validated'
          ? `${m.tenantName}已审定${m.stateName}的需求评估。项目官员提出的优先事项和建议见评估页面。`
          : `${m.tenantName}退回了${m.stateName}的需求评估。请补充完整后重新提交：`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: '打开评估',
      footer: '您作为被评估国家的联络人收到此邮件。您可以在个人资料中关闭此类邮件。',
    },
  },
  ru: {
    assessment_submitted: {
      subject: (m) =>
        m.resubmitted
          ? `Оценка потребностей повторно подана: ${m.stateName}`
          : `Оценка потребностей подана: ${m.stateName}`,
      paragraphs: (m) => [
        `Здравствуйте, ${m.name}!`,
        `${m.resubmitted ? 'Оценка потребностей государства' : 'Подана оценка потребностей государства'} ${m.stateName}${m.resubmitted ? ' дополнена и подана повторно' : ''} (оценено вопросов: ${m.answered} из ${m.questions}). Она ожидает, что сотрудник программы утвердит или вернёт её.`,
      ],
      action: 'Открыть оценку',
      footer:
        'Вы получили это сообщение как сотрудник программы этой организации. Такие сообщения можно отключить в профиле.',
    },
    assessment_reviewed: {
      subject: (m) =>
        m.outcome === 'validated'
          ? 'Оценка потребностей вашего государства утверждена'
          : 'Оценка потребностей вашего государства возвращена',
      paragraphs: (m) => [
        `Здравствуйте, ${m.name}!`,
        m.outcome === 'validated'
          ? `Оценка потребностей государства ${m.stateName} утверждена организацией ${m.tenantName}. Приоритеты и рекомендации сотрудников программы приведены на её странице.`
          : `Оценка потребностей государства ${m.stateName} возвращена организацией ${m.tenantName}. Пожалуйста, дополните её и подайте повторно:`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Открыть оценку',
      footer:
        'Вы получили это сообщение как координатор оцениваемого государства. Такие сообщения можно отключить в профиле.',
    },
  },
};
