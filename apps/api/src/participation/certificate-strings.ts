import type { Language } from '@convene/contracts';

/** The words of a certificate of participation in one language. */
export interface CertificateStrings {
  /** BCP 47 locale for its dates. */
  locale: string;
  title: string;
  certifies: string;
  tookPart: string;
  /** "held 29–31 March 2027, Vienna". */
  held(dates: string, place: string | null): string;
  issued(date: string): string;
  code(code: string): string;
  verifyAt(url: string): string;
}

/** Every certificate's words in the six UN languages: the participant chose one when nominated. */
export const CERTIFICATE_STRINGS: Record<Language, CertificateStrings> = {
  en: {
    locale: 'en-GB',
    title: 'Certificate of participation',
    certifies: 'This is to certify that',
    tookPart: 'took part in',
    held: (dates, place) => (place ? `held on ${dates} in ${place}` : `held on ${dates}`),
    issued: (date) => `Issued on ${date}`,
    code: (code) => `Verification code: ${code}`,
    verifyAt: (url) => `Check that this certificate is genuine at ${url}`,
  },
  fr: {
    locale: 'fr',
    title: 'Certificat de participation',
    certifies: 'Il est certifié que',
    tookPart: 'a participé à',
    held: (dates, place) => (place ? `tenu du ${dates} à ${place}` : `tenu du ${dates}`),
    issued: (date) => `Délivré le ${date}`,
    code: (code) => `Code de vérification\u00a0: ${code}`,
    verifyAt: (url) => `Vérifiez l’authenticité de ce certificat sur ${url}`,
  },
  es: {
    locale: 'es',
    title: 'Certificado de participación',
    certifies: 'Se certifica que',
    tookPart: 'participó en',
    held: (dates, place) => (place ? `celebrado el ${dates} en ${place}` : `celebrado el ${dates}`),
    issued: (date) => `Expedido el ${date}`,
    code: (code) => `Código de verificación: ${code}`,
    verifyAt: (url) => `Compruebe la autenticidad de este certificado en ${url}`,
  },
  ar: {
    locale: 'ar',
    title: 'شهادة مشاركة',
    certifies: 'نشهد بأن',
    tookPart: 'قد شارك في',
    held: (dates, place) => (place ? `المنعقدة في ${dates} في ${place}` : `المنعقدة في ${dates}`),
    issued: (date) => `صدرت في ${date}`,
    code: (code) => `رمز التحقق: ${code}`,
    verifyAt: (url) => `تحقق من صحة هذه الشهادة على ${url}`,
  },
  zh: {
    locale: 'zh-Hans',
    title: '参会证书',
    certifies: '兹证明',
    tookPart: '参加了',
    held: (dates, place) => (place ? `（${dates}，${place}）` : `（${dates}）`),
    issued: (date) => `颁发日期：${date}`,
    code: (code) => `验证码：${code}`,
    verifyAt: (url) => `请访问 ${url} 核实本证书的真实性`,
  },
  ru: {
    locale: 'ru',
    title: 'Сертификат участника',
    certifies: 'Настоящим удостоверяется, что',
    tookPart: 'принял(а) участие в мероприятии',
    held: (dates, place) => (place ? `${dates}, ${place}` : dates),
    issued: (date) => `Дата выдачи: ${date}`,
    code: (code) => `Код проверки: ${code}`,
    verifyAt: (url) => `Проверить подлинность сертификата: ${url}`,
  },
};
