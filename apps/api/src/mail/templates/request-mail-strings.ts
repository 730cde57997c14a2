import type { RequestStatus } from '@convene/contracts';
import type { MessageOf } from './mail-message';
import type { KindStrings, MailLanguage } from './mail-strings';

/*
 * The mail of assistance requests (docs/requests.md) in the six languages, kept beside the other
 * kinds' strings and spread into MAIL_STRINGS: the compiler asks every string of both kinds in
 * each language.
 */

/** French puts a no-break space before ":" and inside « », so they never start a line. */
const NBSP = '\u00a0';

type RequestKinds = {
  request_updated: KindStrings<MessageOf<'request_updated'>>;
  request_received: KindStrings<MessageOf<'request_received'>>;
  request_review_assigned: KindStrings<MessageOf<'request_review_assigned'>>;
};

const STATUS_NAMES: Record<MailLanguage, Record<RequestStatus, string>> = {
  en: {
    draft: 'draft',
    submitted: 'submitted',
    information_requested: 'information requested',
    resubmitted: 'resubmitted',
    in_assessment: 'in needs assessment',
    approved: 'approved',
    declined: 'declined',
    planned: 'planned',
    in_delivery: 'in delivery',
    completed: 'completed',
    withdrawn: 'withdrawn',
  },
  fr: {
    draft: 'brouillon',
    submitted: 'soumise',
    information_requested: 'informations demandées',
    resubmitted: 'soumise à nouveau',
    in_assessment: 'en évaluation des besoins',
    approved: 'approuvée',
    declined: 'refusée',
    planned: 'planifiée',
    in_delivery: 'en cours de réalisation',
    completed: 'achevée',
    withdrawn: 'retirée',
  },
  es: {
    draft: 'borrador',
    submitted: 'presentada',
    information_requested: 'información solicitada',
    resubmitted: 'presentada de nuevo',
    in_assessment: 'en evaluación de necesidades',
    approved: 'aprobada',
    declined: 'denegada',
    planned: 'planificada',
    in_delivery: 'en ejecución',
    completed: 'finalizada',
    withdrawn: 'retirada',
  },
  ar: {
    draft: 'مسودة',
    submitted: 'مقدَّم',
    information_requested: 'طُلبت معلومات',
    resubmitted: 'أعيد تقديمه',
    in_assessment: 'قيد تقييم الاحتياجات',
    approved: 'موافق عليه',
    declined: 'مرفوض',
    planned: 'مخطط له',
    in_delivery: 'قيد التنفيذ',
    completed: 'مكتمل',
    withdrawn: 'مسحوب',
  },
  zh: {
    draft: '草稿',
    submitted: '已提交',
    information_requested: '需补充信息',
    resubmitted: '已重新提交',
    in_assessment: '需求评估中',
    approved: '已批准',
    declined: '已拒绝',
    planned: '已规划',
    in_delivery: '实施中',
    completed: '已完成',
    withdrawn: '已撤回',
  },
  ru: {
    draft: 'черновик',
    submitted: 'подана',
    information_requested: 'запрошена информация',
    resubmitted: 'подана повторно',
    in_assessment: 'оценка потребностей',
    approved: 'одобрена',
    declined: 'отклонена',
    planned: 'запланирована',
    in_delivery: 'выполняется',
    completed: 'выполнена',
    withdrawn: 'отозвана',
  },
};

/** The request's status as each language says it, for the mail and the exports. */
export const requestStatusName = (language: MailLanguage, status: RequestStatus) =>
  STATUS_NAMES[language][status];

export const REQUEST_MAIL_STRINGS: Record<MailLanguage, RequestKinds> = {
  en: {
    request_updated: {
      subject: (m) =>
        m.step === 'file'
          ? `New file on your request: ${m.requestTitle}`
          : m.step === 'message'
            ? `New message on your request: ${m.requestTitle}`
            : m.step === 'information_requested'
              ? `More information needed on your request: ${m.requestTitle}`
              : `Your request is ${STATUS_NAMES.en[m.status]}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Hello ${m.name},`,
        m.step === 'file'
          ? `${m.tenantName} shared a file on your State’s request “${m.requestTitle}”:`
          : m.step === 'message'
            ? `${m.tenantName} wrote about your State’s request “${m.requestTitle}”:`
            : m.step === 'information_requested'
              ? `${m.tenantName} needs more information on your State’s request “${m.requestTitle}”. Please complete the request and submit it again:`
              : `Your State’s request “${m.requestTitle}” to ${m.tenantName} is now ${STATUS_NAMES.en[m.status]}.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Open the request',
      footer:
        'You receive this message as a focal point of the requesting State. You can turn these messages off in your profile.',
    },
    request_received: {
      subject: (m) =>
        m.step === 'message'
          ? `New message from ${m.stateName}: ${m.requestTitle}`
          : m.step === 'withdrawn'
            ? `${m.stateName} withdrew a request: ${m.requestTitle}`
            : `Request for assistance from ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Hello ${m.name},`,
        m.step === 'message'
          ? `${m.stateName} wrote about the request “${m.requestTitle}”:`
          : m.step === 'withdrawn'
            ? `${m.stateName} withdrew the request “${m.requestTitle}”.`
            : m.step === 'resubmitted'
              ? `${m.stateName} completed the request “${m.requestTitle}” and submitted it again. It waits for your review.`
              : `${m.stateName} submitted the request “${m.requestTitle}”. It waits for your review.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Open the request',
      footer:
        'You receive this message as an officer of this organisation. You can turn these messages off in your profile.',
    },
    request_review_assigned: {
      subject: (m) => `You are asked to review a request from ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Hello ${m.name},`,
        `${m.tenantName} asks you to review the request for assistance “${m.requestTitle}” from ${m.stateName}. You can read it and write in its thread with the State and the officers.`,
      ],
      action: 'Open the request',
      footer:
        'You receive this message as an expert of this organisation. You can turn these messages off in your profile.',
    },
  },
  fr: {
    request_updated: {
      subject: (m) =>
        m.step === 'file'
          ? `Nouveau fichier sur votre demande${NBSP}: ${m.requestTitle}`
          : m.step === 'message'
            ? `Nouveau message sur votre demande${NBSP}: ${m.requestTitle}`
            : m.step === 'information_requested'
              ? `Informations demandées sur votre demande${NBSP}: ${m.requestTitle}`
              : `Votre demande est ${STATUS_NAMES.fr[m.status]}${NBSP}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Bonjour ${m.name},`,
        m.step === 'file'
          ? `${m.tenantName} a joint un fichier à la demande de votre État «${NBSP}${m.requestTitle}${NBSP}»${NBSP}:`
          : m.step === 'message'
            ? `${m.tenantName} a écrit au sujet de la demande de votre État «${NBSP}${m.requestTitle}${NBSP}»${NBSP}:`
            : m.step === 'information_requested'
              ? `${m.tenantName} a besoin d’informations complémentaires sur la demande de votre État «${NBSP}${m.requestTitle}${NBSP}». Veuillez la compléter et la soumettre à nouveau${NBSP}:`
              : `La demande de votre État «${NBSP}${m.requestTitle}${NBSP}» adressée à ${m.tenantName} est désormais${NBSP}: ${STATUS_NAMES.fr[m.status]}.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Ouvrir la demande',
      footer:
        'Vous recevez ce message en tant que point focal de l’État demandeur. Vous pouvez désactiver ces messages dans votre profil.',
    },
    request_received: {
      subject: (m) =>
        m.step === 'message'
          ? `Nouveau message de ${m.stateName}${NBSP}: ${m.requestTitle}`
          : m.step === 'withdrawn'
            ? `${m.stateName} a retiré une demande${NBSP}: ${m.requestTitle}`
            : `Demande d’assistance de ${m.stateName}${NBSP}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Bonjour ${m.name},`,
        m.step === 'message'
          ? `${m.stateName} a écrit au sujet de la demande «${NBSP}${m.requestTitle}${NBSP}»${NBSP}:`
          : m.step === 'withdrawn'
            ? `${m.stateName} a retiré la demande «${NBSP}${m.requestTitle}${NBSP}».`
            : m.step === 'resubmitted'
              ? `${m.stateName} a complété la demande «${NBSP}${m.requestTitle}${NBSP}» et l’a soumise à nouveau. Elle attend votre examen.`
              : `${m.stateName} a soumis la demande «${NBSP}${m.requestTitle}${NBSP}». Elle attend votre examen.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Ouvrir la demande',
      footer:
        'Vous recevez ce message en tant que chargé de programme de cette organisation. Vous pouvez désactiver ces messages dans votre profil.',
    },
    request_review_assigned: {
      subject: (m) =>
        `Vous êtes invité à examiner une demande de ${m.stateName}${NBSP}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Bonjour ${m.name},`,
        `${m.tenantName} vous invite à examiner la demande d’assistance «${NBSP}${m.requestTitle}${NBSP}» de ${m.stateName}. Vous pouvez la lire et écrire dans sa conversation avec l’État et les chargés de programme.`,
      ],
      action: 'Ouvrir la demande',
      footer:
        'Vous recevez ce message en tant qu’expert de cette organisation. Vous pouvez désactiver ces messages dans votre profil.',
    },
  },
  es: {
    request_updated: {
      subject: (m) =>
        m.step === 'file'
          ? `Nuevo archivo en su solicitud: ${m.requestTitle}`
          : m.step === 'message'
            ? `Nuevo mensaje sobre su solicitud: ${m.requestTitle}`
            : m.step === 'information_requested'
              ? `Se necesita más información sobre su solicitud: ${m.requestTitle}`
              : `Su solicitud está ${STATUS_NAMES.es[m.status]}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Hola, ${m.name}:`,
        m.step === 'file'
          ? `${m.tenantName} adjuntó un archivo a la solicitud de su Estado «${m.requestTitle}»:`
          : m.step === 'message'
            ? `${m.tenantName} escribió sobre la solicitud de su Estado «${m.requestTitle}»:`
            : m.step === 'information_requested'
              ? `${m.tenantName} necesita más información sobre la solicitud de su Estado «${m.requestTitle}». Complétela y preséntela de nuevo:`
              : `La solicitud de su Estado «${m.requestTitle}» a ${m.tenantName} está ahora ${STATUS_NAMES.es[m.status]}.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Abrir la solicitud',
      footer:
        'Recibe este mensaje como punto focal del Estado solicitante. Puede desactivar estos mensajes en su perfil.',
    },
    request_received: {
      subject: (m) =>
        m.step === 'message'
          ? `Nuevo mensaje de ${m.stateName}: ${m.requestTitle}`
          : m.step === 'withdrawn'
            ? `${m.stateName} retiró una solicitud: ${m.requestTitle}`
            : `Solicitud de asistencia de ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Hola, ${m.name}:`,
        m.step === 'message'
          ? `${m.stateName} escribió sobre la solicitud «${m.requestTitle}»:`
          : m.step === 'withdrawn'
            ? `${m.stateName} retiró la solicitud «${m.requestTitle}».`
            : m.step === 'resubmitted'
              ? `${m.stateName} completó la solicitud «${m.requestTitle}» y la presentó de nuevo. Espera su examen.`
              : `${m.stateName} presentó la solicitud «${m.requestTitle}». Espera su examen.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Abrir la solicitud',
      footer:
        'Recibe este mensaje como oficial de programas de esta organización. Puede desactivar estos mensajes en su perfil.',
    },
    request_review_assigned: {
      subject: (m) => `Se le pide examinar una solicitud de ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Hola, ${m.name}:`,
        `${m.tenantName} le pide examinar la solicitud de asistencia «${m.requestTitle}» de ${m.stateName}. Puede leerla y escribir en su conversación con el Estado y los oficiales.`,
      ],
      action: 'Abrir la solicitud',
      footer:
        'Recibe este mensaje como experto de esta organización. Puede desactivar estos mensajes en su perfil.',
    },
  },
  ar: {
    request_updated: {
      subject: (m) =>
        m.step === 'file'
          ? `ملف جديد في طلبكم: ${m.requestTitle}`
          : m.step === 'message'
            ? `رسالة جديدة بشأن طلبكم: ${m.requestTitle}`
            : m.step === 'information_requested'
              ? `مطلوب مزيد من المعلومات بشأن طلبكم: ${m.requestTitle}`
              : `حالة طلبكم الآن: ${STATUS_NAMES.ar[m.status]} — ${m.requestTitle}`,
      paragraphs: (m) => [
        `مرحبًا ${m.name}،`,
        m.step === 'file'
          ? `أرفقت ${m.tenantName} ملفًا بطلب دولتكم «${m.requestTitle}»:`
          : m.step === 'message'
            ? `كتبت ${m.tenantName} بشأن طلب دولتكم «${m.requestTitle}»:`
            : m.step === 'information_requested'
              ? `تحتاج ${m.tenantName} إلى مزيد من المعلومات بشأن طلب دولتكم «${m.requestTitle}». يرجى استكمال الطلب وإعادة تقديمه:`
              : `أصبحت حالة طلب دولتكم «${m.requestTitle}» المقدم إلى ${m.tenantName}: ${STATUS_NAMES.ar[m.status]}.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'فتح الطلب',
      footer:
        'تتلقون هذه الرسالة بصفتكم جهة الاتصال للدولة مقدمة الطلب. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
    },
    request_received: {
      subject: (m) =>
        m.step === 'message'
          ? `رسالة جديدة من ${m.stateName}: ${m.requestTitle}`
          : m.step === 'withdrawn'
            ? `سحبت ${m.stateName} طلبًا: ${m.requestTitle}`
            : `طلب مساعدة من ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `مرحبًا ${m.name}،`,
        m.step === 'message'
          ? `كتبت ${m.stateName} بشأن الطلب «${m.requestTitle}»:`
          : m.step === 'withdrawn'
            ? `سحبت ${m.stateName} الطلب «${m.requestTitle}».`
            : m.step === 'resubmitted'
              ? `استكملت ${m.stateName} الطلب «${m.requestTitle}» وأعادت تقديمه. وهو بانتظار مراجعتكم.`
              : `قدمت ${m.stateName} الطلب «${m.requestTitle}». وهو بانتظار مراجعتكم.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'فتح الطلب',
      footer:
        'تتلقون هذه الرسالة بصفتكم موظف برامج في هذه المنظمة. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
    },
    request_review_assigned: {
      subject: (m) => `مطلوب منكم مراجعة طلب من ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `مرحبًا ${m.name}،`,
        `تطلب منكم ${m.tenantName} مراجعة طلب المساعدة «${m.requestTitle}» المقدم من ${m.stateName}. يمكنكم قراءته والكتابة في محادثته مع الدولة والموظفين.`,
      ],
      action: 'فتح الطلب',
      footer:
        'تتلقون هذه الرسالة بصفتكم خبيرًا لدى هذه المنظمة. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
    },
  },
  zh: {
    request_updated: {
      subject: (m) =>
        m.step === 'file'
          ? `您的请求有新文件：${m.requestTitle}`
          : m.step === 'message'
            ? `您的请求有新消息：${m.requestTitle}`
            : m.step === 'information_requested'
              ? `您的请求需补充信息：${m.requestTitle}`
              : `您的请求状态：${STATUS_NAMES.zh[m.status]}——${m.requestTitle}`,
      paragraphs: (m) => [
        `${m.name}，您好：`,
        m.step === 'file'
          ? `${m.tenantName}为贵国的请求“${m.requestTitle}”附上了一个文件：`
          : m.step === 'message'
            ? `${m.tenantName}就贵国的请求“${m.requestTitle}”留言：`
            : m.step === 'information_requested'
              ? `${m.tenantName}需要关于贵国请求“${m.requestTitle}”的更多信息。请补充后重新提交：`
              : `贵国向${m.tenantName}提出的请求“${m.requestTitle}”现在的状态为：${STATUS_NAMES.zh[m.status]}。`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: '打开请求',
      footer: '您作为请求国的联络人收到此邮件。您可以在个人资料中关闭此类邮件。',
    },
    request_received: {
      subject: (m) =>
        m.step === 'message'
          ? `${m.stateName}的新消息：${m.requestTitle}`
          : m.step === 'withdrawn'
            ? `${m.stateName}撤回了请求：${m.requestTitle}`
            : `${m.stateName}的援助请求：${m.requestTitle}`,
      paragraphs: (m) => [
        `${m.name}，您好：`,
        m.step === 'message'
          ? `${m.stateName}就请求“${m.requestTitle}”留言：`
          : m.step === 'withdrawn'
            ? `${m.stateName}撤回了请求“${m.requestTitle}”。`
            : m.step === 'resubmitted'
              ? `${m.stateName}补充了请求“${m.requestTitle}”并重新提交，等待您审核。`
              : `${m.stateName}提交了请求“${m.requestTitle}”，等待您审核。`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: '打开请求',
      footer: '您作为本组织的项目官员收到此邮件。您可以在个人资料中关闭此类邮件。',
    },
    request_review_assigned: {
      subject: (m) => `请您审阅${m.stateName}的请求：${m.requestTitle}`,
      paragraphs: (m) => [
        `${m.name}，您好：`,
        `${m.tenantName}请您审阅${m.stateName}的援助请求“${m.requestTitle}”。您可以阅读该请求，并在与该国和项目官员的对话中留言。`,
      ],
      action: '打开请求',
      footer: '您作为本组织的专家收到此邮件。您可以在个人资料中关闭此类邮件。',
    },
  },
  ru: {
    request_updated: {
      subject: (m) =>
        m.step === 'file'
          ? `Новый файл по вашей заявке: ${m.requestTitle}`
          : m.step === 'message'
            ? `Новое сообщение по вашей заявке: ${m.requestTitle}`
            : m.step === 'information_requested'
              ? `По вашей заявке запрошена информация: ${m.requestTitle}`
              : `Статус вашей заявки: ${STATUS_NAMES.ru[m.status]} — ${m.requestTitle}`,
      paragraphs: (m) => [
        `Здравствуйте, ${m.name}!`,
        m.step === 'file'
          ? `${m.tenantName} приложила файл к заявке вашего государства «${m.requestTitle}»:`
          : m.step === 'message'
            ? `${m.tenantName} написала по заявке вашего государства «${m.requestTitle}»:`
            : m.step === 'information_requested'
              ? `${m.tenantName} запрашивает дополнительную информацию по заявке вашего государства «${m.requestTitle}». Дополните заявку и подайте её повторно:`
              : `Статус заявки вашего государства «${m.requestTitle}» в ${m.tenantName}: ${STATUS_NAMES.ru[m.status]}.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Открыть заявку',
      footer:
        'Вы получили это сообщение как координатор государства, подавшего заявку. Такие сообщения можно отключить в профиле.',
    },
    request_received: {
      subject: (m) =>
        m.step === 'message'
          ? `Новое сообщение от государства ${m.stateName}: ${m.requestTitle}`
          : m.step === 'withdrawn'
            ? `${m.stateName} отозвало заявку: ${m.requestTitle}`
            : `Заявка на помощь от государства ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Здравствуйте, ${m.name}!`,
        m.step === 'message'
          ? `${m.stateName} написало по заявке «${m.requestTitle}»:`
          : m.step === 'withdrawn'
            ? `${m.stateName} отозвало заявку «${m.requestTitle}».`
            : m.step === 'resubmitted'
              ? `${m.stateName} дополнило заявку «${m.requestTitle}» и подало её повторно. Она ждёт вашего рассмотрения.`
              : `${m.stateName} подало заявку «${m.requestTitle}». Она ждёт вашего рассмотрения.`,
        ...(m.reason ? [m.reason] : []),
      ],
      action: 'Открыть заявку',
      footer:
        'Вы получили это сообщение как сотрудник программы этой организации. Такие сообщения можно отключить в профиле.',
    },
    request_review_assigned: {
      subject: (m) => `Вас просят рассмотреть заявку государства ${m.stateName}: ${m.requestTitle}`,
      paragraphs: (m) => [
        `Здравствуйте, ${m.name}!`,
        `${m.tenantName} просит вас рассмотреть заявку на помощь «${m.requestTitle}» от государства ${m.stateName}. Вы можете читать её и писать в её переписке с государством и сотрудниками.`,
      ],
      action: 'Открыть заявку',
      footer:
        'Вы получили это сообщение как эксперт этой организации. Такие сообщения можно отключить в профиле.',
    },
  },
};
