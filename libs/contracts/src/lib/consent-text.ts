import type { UN_LANGUAGES } from './interface-vocabulary';

// Zod-free: the web app's nomination form shows this very text (vocabulary.spec.ts keeps it so).

/**
 * The consent a focal point attests when nominating someone: the text they are shown, in their
 * own interface language, under a version. The API stores the version and the text of the
 * language named (never a text sent by the client), so what was attested is what Convene showed.
 * A new wording is a new version: add it here, keep the old ones readable in the database.
 */
export const CONSENT_TEXT_VERSION = '2026-12';
export const CONSENT_TEXTS: Readonly<Record<(typeof UN_LANGUAGES)[number], string>> = {
  en: 'I confirm that the person I nominate has agreed that their name, contact details, function, institution and needs are processed by this organisation to organise the event, to keep a record of participation and to issue a certificate, and that they were told they may withdraw this consent at any time.',
  fr: 'Je confirme que la personne que je désigne a accepté que ses nom, coordonnées, fonction, institution et besoins soient traités par cette organisation pour organiser l’événement, conserver une trace de sa participation et délivrer un certificat, et qu’elle a été informée qu’elle peut retirer ce consentement à tout moment.',
  es: 'Confirmo que la persona que designo ha aceptado que esta organización trate su nombre, datos de contacto, cargo, institución y necesidades para organizar el evento, llevar un registro de la participación y expedir un certificado, y que se le ha informado de que puede retirar este consentimiento en cualquier momento.',
  ar: 'أؤكد أن الشخص الذي أرشّحه قد وافق على أن تعالج هذه المنظمة اسمه وبيانات الاتصال به ووظيفته ومؤسسته واحتياجاته لتنظيم الفعالية والاحتفاظ بسجل للمشاركة وإصدار شهادة، وأنه أُبلغ بأن له أن يسحب هذه الموافقة في أي وقت.',
  zh: '我确认，我提名的人员已同意本组织为组织活动、保存参与记录和颁发证书而处理其姓名、联系方式、职务、所属机构和需求，并已被告知可随时撤回此项同意。',
  ru: 'Я подтверждаю, что выдвигаемое мною лицо согласилось на обработку этой организацией его имени, контактных данных, должности, учреждения и потребностей для организации мероприятия, учёта участия и выдачи сертификата, и что ему сообщили о праве в любое время отозвать это согласие.',
};
