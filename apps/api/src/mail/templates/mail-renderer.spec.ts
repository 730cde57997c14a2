import Handlebars from 'handlebars';
import { MAIL_KINDS, OPTIONAL_MAIL_KINDS, PARTICIPANT_MAIL_KINDS } from '@convene/contracts';
import type {
  AdminDigestMessage,
  CertificateIssuedMessage,
  EventAnnouncedMessage,
  EventReminderMessage,
  InvitationAnsweredMessage,
  InvitationMessage,
  InvitationUpdatedMessage,
  MailMessage,
  ParticipantLinksMessage,
  ParticipantReminderMessage,
  NominationDecidedMessage,
  NominationReceivedMessage,
  ParticipationConfirmationMessage,
  NominationReminderMessage,
  PasswordResetMessage,
  StateInvitedMessage,
  ExpertAssignedMessage,
  RequestReceivedMessage,
  RequestReviewAssignedMessage,
  AssessmentSubmittedMessage,
  AssessmentReviewedMessage,
  RequestUpdatedMessage,
} from './mail-message';
import { ALWAYS_SENT_KINDS, SECURITY_KINDS } from './mail-message';
import { renderMail } from './mail-renderer';
import { MAIL_LANGUAGES, type MailLanguage } from './mail-strings';

const context = { tenantName: 'Counter-Terrorism Centre', appUrl: 'https://convene.example' };

const invitation: InvitationMessage = {
  kind: 'invitation',
  tenantName: 'Counter-Terrorism Centre',
  inviterName: 'Amina Diallo',
  role: 'focal_point',
  link: 'https://convene.example/invitation/tok3n?lang=fr&x=1',
  expiresAt: '2026-12-05T12:00:00.000Z',
};

const passwordReset: PasswordResetMessage = {
  kind: 'password_reset',
  name: 'Amina Diallo',
  link: 'https://convene.example/reset-password/tok3n',
  minutes: 30,
};

const digest: AdminDigestMessage = {
  kind: 'admin_digest',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  expiringInvitations: [
    { email: 'expert@example.org', role: 'expert', expiresAt: '2026-12-02T09:00:00.000Z' },
  ],
  failedMails: 1234,
  link: 'https://convene.example/t/ctc/users',
};

const reminder: EventReminderMessage = {
  kind: 'event_reminder',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  link: 'https://convene.example/t/ctc/events/42',
  ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
};

const announced: EventAnnouncedMessage = {
  kind: 'event_announced',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-29T15:30:00.000Z',
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  link: 'https://convene.example/t/ctc/events/42',
};

const received: NominationReceivedMessage = {
  kind: 'nomination_received',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  stateName: 'Kenya',
  nomineeName: 'Juma Otieno',
  link: 'https://convene.example/t/ctc/events/42',
};

const decided: NominationDecidedMessage = {
  kind: 'nomination_decided',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  nomineeName: 'Juma Otieno',
  decision: 'declined',
  reason: 'Profile does not match',
  link: 'https://convene.example/t/ctc/events/42',
};

const confirmation: ParticipationConfirmationMessage = {
  kind: 'participation_confirmation',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-29T15:30:00.000Z',
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  link: 'https://convene.example/p/decision/tok3n',
  pageLink: 'https://convene.example/p/pag3',
  ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
};

// Invitations of States (part-inv).
const stateInvited: StateInvitedMessage = {
  kind: 'state_invited',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-29T15:30:00.000Z',
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  stateName: 'Kenya',
  seats: 3,
  deadline: '2027-02-01T12:00:00.000Z',
  link: 'https://convene.example/t/ctc/events/42',
};

const invitationUpdated: InvitationUpdatedMessage = {
  kind: 'invitation_updated',
  name: 'Amina Diallo',
  eventTitle: 'Regional workshop on digital evidence',
  stateName: 'Kenya',
  seats: 5,
  previousSeats: 3,
  deadline: '2027-02-01T12:00:00.000Z',
  previousDeadline: '2027-02-01T12:00:00.000Z',
  seatRequest: { granted: true, answer: null },
  link: 'https://convene.example/t/ctc/events/42',
};

const invitationAnswered: InvitationAnsweredMessage = {
  kind: 'invitation_answered',
  name: 'Amina Diallo',
  eventTitle: 'Regional workshop on digital evidence',
  stateName: 'Kenya',
  answer: 'seats_requested',
  reason: 'Two ministries want to attend',
  seats: 5,
  link: 'https://convene.example/t/ctc/events/42',
};

const nominationReminder: NominationReminderMessage = {
  kind: 'nomination_reminder',
  name: 'Amina Diallo',
  eventTitle: 'Regional workshop on digital evidence',
  stateName: 'Kenya',
  deadline: '2027-02-01T12:00:00.000Z',
  seatsLeft: 1234,
  link: 'https://convene.example/t/ctc/events/42',
};

const expertAssigned: ExpertAssignedMessage = {
  kind: 'expert_assigned',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-30T15:00:00.000Z',
  timeZone: 'Europe/Vienna',
  role: 'moderator',
  sessionTitle: 'Preserving electronic evidence',
  link: 'https://convene.example/t/ctc',
};

const participantLinks: ParticipantLinksMessage = {
  kind: 'participant_links',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  timeZone: 'Europe/Vienna',
  link: 'https://convene.example/p/pag3.t0ken',
  decisionLink: 'https://convene.example/p/decision/dec1s10n.t0ken',
};

const participantReminder: ParticipantReminderMessage = {
  kind: 'participant_reminder',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  link: 'https://convene.example/p/pag3.t0ken',
};

const certificate: CertificateIssuedMessage = {
  kind: 'certificate_issued',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-29T15:30:00.000Z',
  timeZone: 'Europe/Vienna',
  verificationCode: '7KQ2-9ZXD-M4TB-R0WE',
  verificationUrl: 'https://convene.example/verify/ctc/7KQ2-9ZXD-M4TB-R0WE',
  link: 'https://convene.example/p/page-token',
};

const requestUpdated: RequestUpdatedMessage = {
  kind: 'request_updated',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  requestTitle: 'Digital evidence training',
  step: 'information_requested',
  status: 'information_requested',
  reason: 'Which institutions take part?',
  link: 'https://convene.example/t/ctc/requests/7',
};

const requestReceived: RequestReceivedMessage = {
  kind: 'request_received',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  requestTitle: 'Digital evidence training',
  stateName: 'Kenya',
  step: 'submitted',
  reason: null,
  link: 'https://convene.example/t/ctc/requests/7',
};

const requestReviewAssigned: RequestReviewAssignedMessage = {
  kind: 'request_review_assigned',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  requestTitle: 'Digital evidence training',
  stateName: 'Kenya',
  link: 'https://convene.example/t/ctc/requests/7',
};

const assessmentSubmitted: AssessmentSubmittedMessage = {
  kind: 'assessment_submitted',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  stateName: 'Kenya',
  answered: 58,
  questions: 72,
  resubmitted: false,
  link: 'https://convene.example/t/ctc/assessments/9',
};

const assessmentReviewed: AssessmentReviewedMessage = {
  kind: 'assessment_reviewed',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  stateName: 'Kenya',
  outcome: 'returned',
  reason: 'Please add the evidence for the financing questions.',
  link: 'https://convene.example/t/ctc/assessments/9',
};

/** The link as it appears in HTML, where "&" and "=" are escaped. */
const inHtml = (link: string) => Handlebars.escapeExpression(link);

describe('mail kinds', () => {
  it('always sends invitations and resets, and lets people turn off the others', () => {
    expect([...MAIL_KINDS].sort()).toEqual([
      'admin_digest',
      'assessment_reviewed',
      'assessment_submitted',
      'certificate_issued',
      'event_announced',
      'event_reminder',
      'expert_assigned',
      'invitation',
      'invitation_answered',
      'invitation_updated',
      'nomination_decided',
      'nomination_received',
      'nomination_reminder',
      'participant_links',
      'participant_reminder',
      'participation_confirmation',
      'password_reset',
      'request_received',
      'request_review_assigned',
      'request_updated',
      'state_invited',
    ]);
    expect([...SECURITY_KINDS].sort()).toEqual(['invitation', 'password_reset']);
    // Participants hold no account, so no preference: their mail always goes.
    expect([...ALWAYS_SENT_KINDS].sort()).toEqual([
      'certificate_issued',
      'invitation',
      'participant_links',
      'participant_reminder',
      'participation_confirmation',
      'password_reset',
    ]);
    expect(OPTIONAL_MAIL_KINDS).toEqual([
      'admin_digest',
      'event_reminder',
      'event_announced',
      'nomination_received',
      'nomination_decided',
      'state_invited',
      'invitation_updated',
      'invitation_answered',
      'nomination_reminder',
      'expert_assigned',
      'request_updated',
      'request_received',
      'request_review_assigned',
      'assessment_submitted',
      'assessment_reviewed',
    ]);
    expect(PARTICIPANT_MAIL_KINDS).toEqual([
      'participation_confirmation',
      'participant_links',
      'participant_reminder',
      'certificate_issued',
    ]);
  });

  it('are written in all six UN languages', () => {
    expect([...MAIL_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });
});

describe('renderMail', () => {
  const expected: Record<MailLanguage, Record<MailMessage['kind'], string>> = {
    en: {
      invitation: 'Invitation to join Counter-Terrorism Centre on Convene',
      password_reset: 'Reset your Convene password',
      admin_digest: 'Waiting for a decision in Counter-Terrorism Centre',
      event_reminder: 'Reminder: Regional workshop on digital evidence, 29 March 2027',
      event_announced: 'New event: Regional workshop on digital evidence',
      participant_links: 'Your links for Regional workshop on digital evidence',
      participant_reminder: 'Reminder: Regional workshop on digital evidence, 29 March 2027',
      nomination_received: 'Nomination from Kenya: Regional workshop on digital evidence',
      nomination_decided: 'Nomination for Regional workshop on digital evidence: Juma Otieno',
      participation_confirmation:
        'Please confirm your participation: Regional workshop on digital evidence',
      state_invited: 'Invitation for Kenya: Regional workshop on digital evidence',
      invitation_updated: 'Invitation updated: Regional workshop on digital evidence',
      invitation_answered: 'Kenya asks for more seats: Regional workshop on digital evidence',
      nomination_reminder:
        'Nominations due by 1 February 2027: Regional workshop on digital evidence',
      certificate_issued:
        'Your certificate of participation: Regional workshop on digital evidence',
      expert_assigned: 'You are asked to take part in Regional workshop on digital evidence',
      request_updated: 'More information needed on your request: Digital evidence training',
      request_received: 'Request for assistance from Kenya: Digital evidence training',
      request_review_assigned:
        'You are asked to review a request from Kenya: Digital evidence training',
      assessment_submitted: 'Needs assessment submitted by Kenya',
      assessment_reviewed: 'Your State’s needs assessment was returned',
    },
    fr: {
      invitation: 'Invitation à rejoindre Counter-Terrorism Centre sur Convene',
      password_reset: 'Réinitialisation de votre mot de passe Convene',
      admin_digest: 'En attente de décision dans Counter-Terrorism Centre',
      event_reminder: 'Rappel\u00a0: Regional workshop on digital evidence, 29 mars 2027',
      event_announced: 'Nouvel événement\u00a0: Regional workshop on digital evidence',
      participant_links: 'Vos liens pour Regional workshop on digital evidence',
      participant_reminder: 'Rappel\u00a0: Regional workshop on digital evidence, 29 mars 2027',
      nomination_received:
        'Désignation de l’État Kenya\u00a0: Regional workshop on digital evidence',
      nomination_decided:
        'Désignation pour Regional workshop on digital evidence\u00a0: Juma Otieno',
      participation_confirmation:
        'Merci de confirmer votre participation\u00a0: Regional workshop on digital evidence',
      state_invited: 'Invitation pour Kenya\u00a0: Regional workshop on digital evidence',
      invitation_updated: 'Invitation modifiée\u00a0: Regional workshop on digital evidence',
      invitation_answered:
        'Kenya demande des places supplémentaires\u00a0: Regional workshop on digital evidence',
      nomination_reminder:
        'Candidatures attendues avant le 1er février 2027\u00a0: Regional workshop on digital evidence',
      certificate_issued:
        'Votre certificat de participation\u00a0: Regional workshop on digital evidence',
      expert_assigned:
        'Votre participation est sollicitée\u00a0: Regional workshop on digital evidence',
      request_updated: 'Informations demandées sur votre demande : Digital evidence training',
      request_received: 'Demande d’assistance de Kenya : Digital evidence training',
      request_review_assigned:
        'Vous êtes invité à examiner une demande de Kenya\u00a0: Digital evidence training',
      assessment_submitted: 'Évaluation des besoins soumise par Kenya',
      assessment_reviewed: 'L’évaluation des besoins de votre État vous est renvoyée',
    },
    es: {
      invitation: 'Invitación para unirse a Counter-Terrorism Centre en Convene',
      password_reset: 'Restablecimiento de su contraseña de Convene',
      admin_digest: 'Pendiente de decisión en Counter-Terrorism Centre',
      event_reminder: 'Recordatorio: Regional workshop on digital evidence, 29 de marzo de 2027',
      event_announced: 'Nuevo evento: Regional workshop on digital evidence',
      participant_links: 'Sus enlaces para Regional workshop on digital evidence',
      participant_reminder:
        'Recordatorio: Regional workshop on digital evidence, 29 de marzo de 2027',
      nomination_received: 'Designación de Kenya: Regional workshop on digital evidence',
      nomination_decided: 'Designación para Regional workshop on digital evidence: Juma Otieno',
      participation_confirmation:
        'Confirme su participación: Regional workshop on digital evidence',
      state_invited: 'Invitación para Kenya: Regional workshop on digital evidence',
      invitation_updated: 'Invitación modificada: Regional workshop on digital evidence',
      invitation_answered: 'Kenya solicita más plazas: Regional workshop on digital evidence',
      nomination_reminder:
        'Candidaturas hasta el 1 de febrero de 2027: Regional workshop on digital evidence',
      certificate_issued: 'Su certificado de participación: Regional workshop on digital evidence',
      expert_assigned: 'Se solicita su participación: Regional workshop on digital evidence',
      request_updated: 'Se necesita más información sobre su solicitud: Digital evidence training',
      request_received: 'Solicitud de asistencia de Kenya: Digital evidence training',
      request_review_assigned:
        'Se le pide examinar una solicitud de Kenya: Digital evidence training',
      assessment_submitted: 'Evaluación de necesidades presentada por Kenya',
      assessment_reviewed: 'La evaluación de necesidades de su Estado ha sido devuelta',
    },
    ar: {
      invitation: 'دعوة للانضمام إلى Counter-Terrorism Centre على Convene',
      password_reset: 'إعادة تعيين كلمة المرور في Convene',
      admin_digest: 'بانتظار قرار في Counter-Terrorism Centre',
      event_reminder: 'تذكير: Regional workshop on digital evidence، 29 مارس 2027',
      event_announced: 'فعالية جديدة: Regional workshop on digital evidence',
      participant_links: 'روابطكم الخاصة بفعالية Regional workshop on digital evidence',
      participant_reminder: 'تذكير: Regional workshop on digital evidence، 29 مارس 2027',
      nomination_received: 'ترشيح من Kenya: Regional workshop on digital evidence',
      nomination_decided: 'ترشيح للمشاركة في Regional workshop on digital evidence: Juma Otieno',
      participation_confirmation: 'يرجى تأكيد مشاركتكم: Regional workshop on digital evidence',
      state_invited: 'دعوة إلى Kenya: Regional workshop on digital evidence',
      invitation_updated: 'تعديل الدعوة: Regional workshop on digital evidence',
      invitation_answered: 'Kenya تطلب مقاعد إضافية: Regional workshop on digital evidence',
      nomination_reminder: 'الترشيحات قبل 1 فبراير 2027: Regional workshop on digital evidence',
      certificate_issued: 'شهادة مشاركتكم: Regional workshop on digital evidence',
      expert_assigned: 'مطلوب مشاركتك: Regional workshop on digital evidence',
      request_updated: 'مطلوب مزيد من المعلومات بشأن طلبكم: Digital evidence training',
      request_received: 'طلب مساعدة من Kenya: Digital evidence training',
      request_review_assigned: 'مطلوب منكم مراجعة طلب من Kenya: Digital evidence training',
      assessment_submitted: 'قُدِّم تقييم احتياجات Kenya',
      assessment_reviewed: 'أعيد إليكم تقييم احتياجات دولتكم',
    },
    zh: {
      invitation: '邀请您加入 Convene 上的 Counter-Terrorism Centre',
      password_reset: '重置您的 Convene 密码',
      admin_digest: 'Counter-Terrorism Centre 中待决定的事项',
      event_reminder: '提醒：Regional workshop on digital evidence，2027年3月29日',
      event_announced: '新活动：Regional workshop on digital evidence',
      participant_links: '您参加 Regional workshop on digital evidence 的链接',
      participant_reminder: '提醒：Regional workshop on digital evidence，2027年3月29日',
      nomination_received: 'Kenya的提名：Regional workshop on digital evidence',
      nomination_decided: 'Regional workshop on digital evidence的提名：Juma Otieno',
      participation_confirmation: '请确认您的参加：Regional workshop on digital evidence',
      state_invited: '致Kenya的邀请：Regional workshop on digital evidence',
      invitation_updated: '邀请已更新：Regional workshop on digital evidence',
      invitation_answered: 'Kenya申请增加名额：Regional workshop on digital evidence',
      nomination_reminder: '请于 2027年2月1日 前提名：Regional workshop on digital evidence',
      certificate_issued: '您的参会证书：Regional workshop on digital evidence',
      expert_assigned: '邀请您参加：Regional workshop on digital evidence',
      request_updated: '您的请求需补充信息：Digital evidence training',
      request_received: 'Kenya的援助请求：Digital evidence training',
      request_review_assigned: '请您审阅Kenya的请求：Digital evidence training',
      assessment_submitted: 'Kenya提交了需求评估',
      assessment_reviewed: '贵国的需求评估已退回',
    },
    ru: {
      invitation: 'Приглашение присоединиться к Counter-Terrorism Centre в Convene',
      password_reset: 'Сброс пароля Convene',
      admin_digest: 'Ожидает решения в Counter-Terrorism Centre',
      event_reminder: 'Напоминание: Regional workshop on digital evidence, 29 марта 2027 г.',
      event_announced: 'Новое мероприятие: Regional workshop on digital evidence',
      participant_links: 'Ваши ссылки для мероприятия «Regional workshop on digital evidence»',
      participant_reminder: 'Напоминание: Regional workshop on digital evidence, 29 марта 2027 г.',
      nomination_received:
        'Кандидатура от государства Kenya: Regional workshop on digital evidence',
      nomination_decided: 'Кандидатура на «Regional workshop on digital evidence»: Juma Otieno',
      participation_confirmation:
        'Пожалуйста, подтвердите участие: Regional workshop on digital evidence',
      state_invited: 'Приглашение для государства Kenya: Regional workshop on digital evidence',
      invitation_updated: 'Приглашение изменено: Regional workshop on digital evidence',
      invitation_answered:
        'Kenya: запрос дополнительных мест — Regional workshop on digital evidence',
      nomination_reminder:
        'Кандидатуры до 1 февраля 2027 г.: Regional workshop on digital evidence',
      certificate_issued: 'Ваш сертификат участника: Regional workshop on digital evidence',
      expert_assigned: 'Приглашение к участию: Regional workshop on digital evidence',
      request_updated: 'По вашей заявке запрошена информация: Digital evidence training',
      request_received: 'Заявка на помощь от государства Kenya: Digital evidence training',
      request_review_assigned:
        'Вас просят рассмотреть заявку государства Kenya: Digital evidence training',
      assessment_submitted: 'Оценка потребностей подана: Kenya',
      assessment_reviewed: 'Оценка потребностей вашего государства возвращена',
    },
  };

  /** The button of each kind in each language: the body is in that language, not English. */
  const actions: Record<MailLanguage, Record<MailMessage['kind'], string>> = {
    en: {
      invitation: 'Accept the invitation',
      password_reset: 'Choose a new password',
      admin_digest: 'Review in Convene',
      event_reminder: 'Open the event',
      event_announced: 'Open the event',
      participant_links: 'Open your participant page',
      participant_reminder: 'Open your participant page',
      nomination_received: 'Review the nominations',
      nomination_decided: 'Open the nominations',
      participation_confirmation: 'Confirm or decline',
      state_invited: 'Answer the invitation',
      invitation_updated: 'Open the invitation',
      invitation_answered: 'Open the participation',
      nomination_reminder: 'Nominate participants',
      certificate_issued: 'Download the certificate',
      expert_assigned: 'Answer the request',
      request_updated: 'Open the request',
      request_received: 'Open the request',
      request_review_assigned: 'Open the request',
      assessment_submitted: 'Open the assessment',
      assessment_reviewed: 'Open the assessment',
    },
    fr: {
      invitation: 'Accepter l’invitation',
      password_reset: 'Choisir un nouveau mot de passe',
      admin_digest: 'Voir dans Convene',
      event_reminder: 'Voir l’événement',
      event_announced: 'Voir l’événement',
      participant_links: 'Ouvrir votre page de participant',
      participant_reminder: 'Ouvrir votre page de participant',
      nomination_received: 'Examiner les désignations',
      nomination_decided: 'Voir les désignations',
      participation_confirmation: 'Confirmer ou décliner',
      state_invited: 'Répondre à l’invitation',
      invitation_updated: 'Voir l’invitation',
      invitation_answered: 'Voir la participation',
      nomination_reminder: 'Proposer des participants',
      certificate_issued: 'Télécharger le certificat',
      expert_assigned: 'Répondre à la demande',
      request_updated: 'Ouvrir la demande',
      request_received: 'Ouvrir la demande',
      request_review_assigned: 'Ouvrir la demande',
      assessment_submitted: 'Ouvrir l’évaluation',
      assessment_reviewed: 'Ouvrir l’évaluation',
    },
    es: {
      invitation: 'Aceptar la invitación',
      password_reset: 'Elegir una nueva contraseña',
      admin_digest: 'Revisar en Convene',
      event_reminder: 'Ver el evento',
      event_announced: 'Ver el evento',
      participant_links: 'Abrir su página de participante',
      participant_reminder: 'Abrir su página de participante',
      nomination_received: 'Examinar las designaciones',
      nomination_decided: 'Ver las designaciones',
      participation_confirmation: 'Confirmar o declinar',
      state_invited: 'Responder a la invitación',
      invitation_updated: 'Ver la invitación',
      invitation_answered: 'Ver la participación',
      nomination_reminder: 'Proponer participantes',
      certificate_issued: 'Descargar el certificado',
      expert_assigned: 'Responder a la solicitud',
      request_updated: 'Abrir la solicitud',
      request_received: 'Abrir la solicitud',
      request_review_assigned: 'Abrir la solicitud',
      assessment_submitted: 'Abrir la evaluación',
      assessment_reviewed: 'Abrir la evaluación',
    },
    ar: {
      invitation: 'قبول الدعوة',
      password_reset: 'اختيار كلمة مرور جديدة',
      admin_digest: 'المراجعة في Convene',
      event_reminder: 'فتح الفعالية',
      event_announced: 'فتح الفعالية',
      participant_links: 'فتح صفحة المشارك',
      participant_reminder: 'فتح صفحة المشارك',
      nomination_received: 'مراجعة الترشيحات',
      nomination_decided: 'فتح الترشيحات',
      participation_confirmation: 'التأكيد أو الاعتذار',
      state_invited: 'الرد على الدعوة',
      invitation_updated: 'فتح الدعوة',
      invitation_answered: 'فتح المشاركة',
      nomination_reminder: 'ترشيح المشاركين',
      certificate_issued: 'تنزيل الشهادة',
      expert_assigned: 'الرد على الطلب',
      request_updated: 'فتح الطلب',
      request_received: 'فتح الطلب',
      request_review_assigned: 'فتح الطلب',
      assessment_submitted: 'فتح التقييم',
      assessment_reviewed: 'فتح التقييم',
    },
    zh: {
      invitation: '接受邀请',
      password_reset: '设置新密码',
      admin_digest: '在 Convene 中查看',
      event_reminder: '打开活动',
      event_announced: '打开活动',
      participant_links: '打开参会者页面',
      participant_reminder: '打开参会者页面',
      nomination_received: '审阅提名',
      nomination_decided: '打开提名',
      participation_confirmation: '确认或谢绝',
      state_invited: '答复邀请',
      invitation_updated: '打开邀请',
      invitation_answered: '打开参与情况',
      nomination_reminder: '提名参与者',
      certificate_issued: '下载证书',
      expert_assigned: '答复邀请',
      request_updated: '打开请求',
      request_received: '打开请求',
      request_review_assigned: '打开请求',
      assessment_submitted: '打开评估',
      assessment_reviewed: '打开评估',
    },
    ru: {
      invitation: 'Принять приглашение',
      password_reset: 'Задать новый пароль',
      admin_digest: 'Открыть в Convene',
      event_reminder: 'Открыть мероприятие',
      event_announced: 'Открыть мероприятие',
      participant_links: 'Открыть страницу участника',
      participant_reminder: 'Открыть страницу участника',
      nomination_received: 'Рассмотреть кандидатуры',
      nomination_decided: 'Открыть кандидатуры',
      participation_confirmation: 'Подтвердить или отказаться',
      state_invited: 'Ответить на приглашение',
      invitation_updated: 'Открыть приглашение',
      invitation_answered: 'Открыть участие',
      nomination_reminder: 'Выдвинуть участников',
      certificate_issued: 'Скачать сертификат',
      expert_assigned: 'Ответить на приглашение',
      request_updated: 'Открыть заявку',
      request_received: 'Открыть заявку',
      request_review_assigned: 'Открыть заявку',
      assessment_submitted: 'Открыть оценку',
      assessment_reviewed: 'Открыть оценку',
    },
  };

  /** A greeting or opening in each language, which no other language's mail contains. */
  const opening: Record<MailLanguage, string> = {
    en: 'Hello Amina Diallo,',
    fr: 'Bonjour Amina Diallo,',
    es: 'Hola, Amina Diallo:',
    ar: 'مرحبًا Amina Diallo،',
    zh: 'Amina Diallo，您好：',
    ru: 'Здравствуйте, Amina Diallo!',
  };

  describe.each(MAIL_LANGUAGES)('in %s', (language) => {
    const dir = language === 'ar' ? 'rtl' : 'ltr';
    it.each<MailMessage>([
      invitation,
      passwordReset,
      digest,
      reminder,
      announced,
      participantLinks,
      participantReminder,
      received,
      decided,
      confirmation,
      stateInvited,
      invitationUpdated,
      invitationAnswered,
      nominationReminder,
      certificate,
      expertAssigned,
      requestUpdated,
      requestReceived,
      requestReviewAssigned,
      assessmentSubmitted,
      assessmentReviewed,
    ])('renders $kind with its subject, words and link', (message) => {
      const mail = renderMail(message, language, context);
      expect(mail.subject).toBe(expected[language][message.kind]);
      expect(mail.text).toContain(`${actions[language][message.kind]}\n${message.link}`);
      expect(mail.html).toContain(
        `>${Handlebars.escapeExpression(actions[language][message.kind])}</a>`,
      );
      if (message.kind !== 'invitation') expect(mail.text).toContain(opening[language]);
      for (const other of MAIL_LANGUAGES.filter((l) => l !== language))
        expect(mail.text).not.toContain(opening[other]);
      expect(mail.text).toContain(message.link);
      expect(mail.html).toContain(`href="${inHtml(message.link)}"`);
      // Also as text, for clients that drop the button.
      expect(mail.html).toContain(`>${inHtml(message.link)}</a>`);
      expect(mail.html).toContain(`<html lang="${language}" dir="${dir}">`);
      expect(mail.html).toContain(`<title>${Handlebars.escapeExpression(mail.subject)}</title>`);
      if (message.kind !== 'event_reminder' && message.kind !== 'participation_confirmation')
        expect(mail.attachments).toBeUndefined();
      else expect(mail.attachments?.[0]?.content).toBe(message.ics);
    });
  });

  it("writes the participant's decision link into the mail, and only a web link", () => {
    for (const language of MAIL_LANGUAGES) {
      const mail = renderMail(participantLinks, language, context);
      expect(mail.text).toContain(participantLinks.decisionLink);
      const answered = renderMail({ ...participantLinks, decisionLink: null }, language, context);
      expect(answered.text).not.toContain('/p/decision/');
    }
    expect(() =>
      renderMail({ ...participantLinks, decisionLink: 'javascript:alert(1)' }, 'en', context),
    ).toThrow('Mail decisionLink must be http or https');
  });

  it('writes Arabic right to left, with the link kept left to right', () => {
    const mail = renderMail(invitation, 'ar', context);
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain(`dir="ltr" style="color:#005cbb;">${inHtml(invitation.link)}</a>`);
    // Nothing forces left alignment on the Arabic text: it starts on the right.
    expect(mail.html).not.toMatch(/text-align:\s*left/);
    expect(mail.text).toContain(
      'يدعوكم Amina Diallo إلى الانضمام إلى Counter-Terrorism Centre على Convene بصفة جهة تنسيق.',
    );
    expect(mail.text).toContain('صالح حتى 5 ديسمبر 2026.');
  });

  it('formats dates, numbers and plurals for Arabic, Chinese and Russian', () => {
    // Arabic has a dual: two minutes is one word.
    const ar = (minutes: number) => renderMail({ ...passwordReset, minutes }, 'ar', context).text;
    expect(ar(2)).toContain('مدة صلاحيته: دقيقتان.');
    expect(ar(5)).toContain('مدة صلاحيته: 5 دقائق.');
    expect(ar(30)).toContain('مدة صلاحيته: 30 دقيقة.');
    expect(renderMail(invitation, 'zh', context).text).toContain('有效期至 2026年12月5日。');
    expect(renderMail(digest, 'zh', context).text).toContain('无法投递的邮件：1,234 封。');
    expect(renderMail(passwordReset, 'zh', context).text).toContain('有效期为 30分钟。');
    // Russian has three forms: 1 минута, 2 минуты, 5 минут (and 21 минута).
    const ru = (minutes: number) => renderMail({ ...passwordReset, minutes }, 'ru', context).text;
    expect(ru(1)).toContain('Срок её действия: 1 минута.');
    expect(ru(2)).toContain('Срок её действия: 2 минуты.');
    expect(ru(21)).toContain('Срок её действия: 21 минута.');
    expect(ru(30)).toContain('Срок её действия: 30 минут.');
    expect(renderMail(invitation, 'ru', context).text).toContain(
      'Ссылка действительна до 5 декабря 2026 г. и может быть использована только один раз.',
    );
    // Russian groups thousands with a no-break space.
    expect(renderMail(digest, 'ru', context).text).toContain(
      'не удалось доставить за последние 24 часа: 1\u00a0234.',
    );
  });

  it('writes French in French, with French dates', () => {
    const mail = renderMail(invitation, 'fr', context);
    expect(mail.text).toContain(
      'Amina Diallo vous invite à rejoindre Counter-Terrorism Centre sur Convene en tant que point focal.',
    );
    expect(mail.text).toContain('jusqu’au 5 décembre 2026');
    expect(mail.html).toContain('Accepter l’invitation');
    expect(mail.text).not.toContain('invites you');
  });

  it('formats dates and durations for each language', () => {
    expect(renderMail(invitation, 'en', context).text).toContain('until 5 December 2026.');
    expect(renderMail(invitation, 'es', context).text).toContain(
      'hasta el 5 de diciembre de 2026.',
    );
    const first = { ...invitation, expiresAt: '2026-12-01T12:00:00.000Z' };
    expect(renderMail(first, 'fr', context).text).toContain('jusqu’au 1er décembre 2026.');
    expect(renderMail({ ...passwordReset, minutes: 1 }, 'en', context).text).toContain(
      'within 1 minute.',
    );
    expect(renderMail(passwordReset, 'es', context).text).toContain('durante 30 minutos.');
  });

  it('lists what waits in the digest, with numbers and dates for the language', () => {
    expect(renderMail(digest, 'en', context).text).toContain(
      'expert@example.org (expert), until 2 December 2026',
    );
    expect(renderMail(digest, 'en', context).text).toContain(
      'Messages that could not be delivered in the last 24 hours: 1,234.',
    );
    const french = renderMail(digest, 'fr', context).text;
    expect(french).toContain('expert@example.org (expert), jusqu’au 2 décembre 2026');
    // French groups thousands with a narrow no-break space.
    expect(french).toContain(
      'Messages non distribués ces dernières 24\u00a0heures\u00a0: 1\u202f234.',
    );
    const onlyFailures = renderMail({ ...digest, expiringInvitations: [] }, 'es', context).text;
    expect(onlyFailures).not.toContain('invitaciones');
    expect(onlyFailures).toContain('Mensajes no entregados en las últimas 24 horas: 1234.');
  });

  it('gives the event’s time as the venue’s clock shows it, and attaches the .ics', () => {
    const mail = renderMail(reminder, 'en', context);
    // 29 March 2027 is the first day of summer time in Vienna: 07:00Z is 09:00 there.
    expect(mail.text).toContain(
      'Regional workshop on digital evidence starts on Monday, 29 March 2027 at 09:00 (Europe/Vienna).',
    );
    expect(mail.text).toContain('Venue: Vienna International Centre, Vienna.');
    expect(mail.attachments).toEqual([
      {
        filename: 'event.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: reminder.ics,
      },
    ]);
    expect(renderMail(reminder, 'fr', context).text).toContain('lundi 29 mars 2027 à 09:00');
    expect(renderMail({ ...reminder, place: null }, 'es', context).text).not.toContain('Lugar');
  });

  it('announces an event with its dates on the venue’s clock and its venue', () => {
    const mail = renderMail(announced, 'en', context);
    expect(mail.text).toContain(
      'Counter-Terrorism Centre has announced an event that your State hosts: Regional workshop on digital evidence.',
    );
    // 07:00Z–15:30Z on the first day of summer time in Vienna: 09:00–17:30 there.
    expect(mail.text).toContain('Dates: Monday, 29 March 2027, 09:00–17:30 (Europe/Vienna).');
    expect(mail.text).toContain('Venue: Vienna International Centre, Vienna.');
    expect(mail.attachments).toBeUndefined();
    const days = { ...announced, endsAt: '2027-03-31T15:30:00.000Z', timeZone: 'America/New_York' };
    expect(renderMail(days, 'es', context).text).toContain(
      // A range over days puts thin spaces around its dash.
      'Fechas: lunes, 29 de marzo de 2027, 3:00\u2009–\u2009miércoles, 31 de marzo de 2027, 11:30 (America/New York).',
    );
    expect(renderMail(announced, 'zh', context).text).toContain(
      '时间：2027年3月29日星期一 09:00–17:30 (Europe/Vienna)。',
    );
    expect(renderMail({ ...announced, place: null }, 'fr', context).text).not.toContain('Lieu');
  });

  it('words the invitation of a State, its changes, its answers and its reminders', () => {
    expect(renderMail(stateInvited, 'en', context).text).toContain(
      'Counter-Terrorism Centre invites Kenya to Regional workshop on digital evidence, with 3 seats.',
    );
    expect(renderMail({ ...stateInvited, seats: 1 }, 'en', context).text).toContain('with 1 seat.');
    expect(renderMail(stateInvited, 'en', context).text).toContain('by 1 February 2027.');
    const updated = renderMail(invitationUpdated, 'en', context).text;
    expect(updated).toContain('Your request for more seats for Kenya has been granted.');
    expect(updated).toContain('Seats: 5 (previously 3).');
    expect(updated).toContain('Nomination deadline: 1 February 2027.');
    const moved = { ...invitationUpdated, seatRequest: null, seats: 3 };
    expect(
      renderMail({ ...moved, deadline: '2027-02-10T12:00:00.000Z' }, 'fr', context).text,
    ).toContain(
      'Date limite des candidatures\u00a0: 10 février 2027 (auparavant 1er février 2027).',
    );
    const refused = {
      ...invitationUpdated,
      seats: 3,
      seatRequest: { granted: false, answer: 'The room is full' },
    };
    expect(renderMail(refused, 'en', context).text).toContain('Answer: The room is full');
    expect(renderMail(invitationAnswered, 'en', context).text).toContain(
      'Kenya asks for 5 seats in all for Regional workshop on digital evidence.',
    );
    const declined = { ...invitationAnswered, answer: 'declined' as const, seats: null };
    expect(renderMail(declined, 'es', context).subject).toBe(
      'Kenya declina: Regional workshop on digital evidence',
    );
    expect(renderMail(nominationReminder, 'ru', context).text).toContain(
      'Осталось мест: 1\u00a0234.',
    );
  });

  it('tells the State of a file the officers shared, in each language, naming the file', () => {
    const shared = { ...requestUpdated, step: 'file' as const, reason: 'minutes.pdf' };
    expect(renderMail(shared, 'en', context).subject).toBe(
      'New file on your request: Digital evidence training',
    );
    expect(renderMail(shared, 'en', context).text).toContain(
      'Counter-Terrorism Centre shared a file on your State’s request “Digital evidence training”:',
    );
    const subjects = new Set<string>();
    for (const language of MAIL_LANGUAGES) {
      const mail = renderMail(shared, language, context);
      expect(mail.text).toContain('minutes.pdf');
      expect(mail.subject).toContain('Digital evidence training');
      expect(mail.subject).not.toBe(
        renderMail({ ...shared, step: 'message' }, language, context).subject,
      );
      subjects.add(mail.subject);
    }
    expect(subjects.size).toBe(MAIL_LANGUAGES.length);
  });

  it("lists a State's decisions of a bulk decision in one mail, in each language", () => {
    const batch = {
      kind: 'nomination_decided' as const,
      name: 'Amina Diallo',
      tenantName: 'Counter-Terrorism Centre',
      eventTitle: 'Regional workshop on digital evidence',
      link: 'https://convene.example/t/ctc/events/42',
      decisions: [
        { nomineeName: 'Juma Otieno', decision: 'approved' as const, reason: null },
        { nomineeName: 'Grace Njeri', decision: 'waitlisted' as const, reason: null },
        { nomineeName: 'Peter Mwangi', decision: 'declined' as const, reason: 'Not a judge' },
      ],
    };
    const subjects = Object.fromEntries(
      MAIL_LANGUAGES.map((language) => [language, renderMail(batch, language, context).subject]),
    );
    expect(subjects).toEqual({
      en: 'Decisions on 3 nominations for Regional workshop on digital evidence',
      fr: 'Décisions sur 3 désignations pour Regional workshop on digital evidence',
      es: 'Decisiones sobre 3 designaciones para Regional workshop on digital evidence',
      ar: 'قرارات بشأن الترشيحات للمشاركة في Regional workshop on digital evidence (3)',
      zh: 'Regional workshop on digital evidence的3项提名已有决定',
      ru: 'Решения по кандидатурам на «Regional workshop on digital evidence»: 3',
    });
    for (const language of MAIL_LANGUAGES) {
      const text = renderMail(batch, language, context).text;
      for (const name of ['Juma Otieno', 'Grace Njeri', 'Peter Mwangi', 'Not a judge']) {
        expect({ language, name, listed: text.includes(name) }).toEqual({
          language,
          name,
          listed: true,
        });
      }
    }
    const english = renderMail(batch, 'en', context).text;
    expect(english).toContain('Juma Otieno: approved');
    expect(english).toContain('Grace Njeri: on the waiting list');
    expect(english).toContain('Peter Mwangi: declined (reason: Not a judge)');
    expect(renderMail(batch, 'zh', context).text).toContain(
      'Peter Mwangi：未获批准（理由：Not a judge）',
    );
  });

  it('elides French "que" before a role starting with a vowel', () => {
    const mail = renderMail({ ...invitation, role: 'expert' }, 'fr', context);
    expect(mail.text).toContain('en tant qu’expert.');
  });

  it('reads naturally when the platform invites', () => {
    const platform = { ...invitation, inviterName: null, role: 'tenant_admin' as const };
    const platformContext = { ...context, tenantName: null };
    expect(renderMail(platform, 'en', platformContext).text).toContain(
      'You are invited to join Counter-Terrorism Centre on Convene as tenant administrator.',
    );
    expect(renderMail(platform, 'fr', platformContext).text).toContain(
      'Nous vous invitons à rejoindre Counter-Terrorism Centre sur Convene en tant qu’administrateur.',
    );
    expect(renderMail(platform, 'es', platformContext).text).toContain(
      'Le invitamos a unirse a Counter-Terrorism Centre en Convene como administrador.',
    );
    const html = renderMail(platform, 'en', platformContext).html;
    expect(html).not.toMatch(/null/);
    expect(html).toMatch(/<td dir="auto"[^>]*>Convene<\/td>/);
  });

  it('shows markup in user data as text, never as a tag', () => {
    const script = '<script>alert(1)</script>';
    const mails = [
      renderMail({ ...invitation, tenantName: script, inviterName: script }, 'en', {
        ...context,
        tenantName: script,
      }),
      renderMail({ ...passwordReset, name: script }, 'fr', context),
    ];
    for (const mail of mails) {
      expect(mail.html).not.toContain('<script');
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail.text).toContain(script);
    }
    expect(mails[0]?.subject).toBe(`Invitation to join ${script} on Convene`);
  });

  it('keeps line breaks in user data out of the subject', () => {
    const mail = renderMail(
      { ...invitation, tenantName: 'Centre\r\nBcc: x@example.org' },
      'en',
      context,
    );
    expect(mail.subject).toBe('Invitation to join Centre Bcc: x@example.org on Convene');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' data:text/html,hi', 'not a url'])(
    'refuses the link %j',
    (link) => {
      expect(() => renderMail({ ...passwordReset, link }, 'en', context)).toThrow(/link/);
    },
  );

  it('refuses a non-web app URL', () => {
    expect(() => renderMail(passwordReset, 'en', { ...context, appUrl: 'javascript:0' })).toThrow(
      /appUrl/,
    );
  });

  it('refuses an unknown kind and an invalid date', () => {
    const unknown = { ...passwordReset, kind: 'newsletter' } as unknown as MailMessage;
    expect(() => renderMail(unknown, 'en', context)).toThrow(/Unknown mail kind/);
    expect(() => renderMail({ ...invitation, expiresAt: 'soon' }, 'en', context)).toThrow(/date/);
  });
});
