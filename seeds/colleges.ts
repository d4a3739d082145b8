import type { College, Localized, RegionId, Rng } from '@ashyq/shared';
import { syntheticBin } from './people';

/**
 * The demo's colleges: Astana hosts, neighbouring regions send their winners, and guests come
 * from Almaty and Shymkent. The names are made up; BINs are synthetic (valid check digit only).
 */

interface CollegeSpec {
  id: string;
  name: Localized;
  regionId: RegionId;
  /** Registration month of the BIN. */
  registered: { year: number; month: number };
}

const collegeSpecs: CollegeSpec[] = [
  {
    id: 'astana-it',
    name: {
      kk: '«Цифрлық Астана» ақпараттық технологиялар колледжі',
      ru: 'Колледж информационных технологий «Цифровая Астана»',
      en: 'Digital Astana College of Information Technology',
    },
    regionId: 'astana',
    registered: { year: 2003, month: 9 },
  },
  {
    id: 'astana-industrial',
    name: {
      kk: '«Есіл» жоғары индустриялық колледжі',
      ru: 'Высший индустриальный колледж «Есиль»',
      en: 'Yesil Higher Industrial College',
    },
    regionId: 'astana',
    registered: { year: 1998, month: 4 },
  },
  {
    id: 'astana-service',
    name: {
      kk: '«Бәйтерек» қызмет көрсету және тамақтандыру колледжі',
      ru: 'Колледж сервиса и питания «Байтерек»',
      en: 'Baiterek College of Service and Catering',
    },
    regionId: 'astana',
    registered: { year: 2007, month: 2 },
  },
  {
    id: 'kokshe-polytechnic',
    name: {
      kk: '«Көкше» политехникалық колледжі',
      ru: 'Политехнический колледж «Кокше»',
      en: 'Kokshe Polytechnic College',
    },
    regionId: 'akmola',
    registered: { year: 1999, month: 11 },
  },
  {
    id: 'saryarka-college',
    name: {
      kk: '«Сарыарқа» жоғары технология және сервис колледжі',
      ru: 'Высший колледж технологий и сервиса «Сарыарка»',
      en: 'Saryarka Higher College of Technology and Service',
    },
    regionId: 'karaganda',
    registered: { year: 2001, month: 6 },
  },
  {
    id: 'ertis-college',
    name: {
      kk: '«Ертіс» көпсалалы колледжі',
      ru: 'Многопрофильный колледж «Ертис»',
      en: 'Ertis Multidisciplinary College',
    },
    regionId: 'pavlodar',
    registered: { year: 2002, month: 3 },
  },
  {
    id: 'alatau-hospitality',
    name: {
      kk: '«Алатау» туризм және қонақжайлылық колледжі',
      ru: 'Колледж туризма и гостеприимства «Алатау»',
      en: 'Alatau College of Tourism and Hospitality',
    },
    regionId: 'almaty-city',
    registered: { year: 2005, month: 8 },
  },
  {
    id: 'ontustik-technical',
    name: {
      kk: '«Оңтүстік» жоғары техникалық колледжі',
      ru: 'Высший технический колледж «Онтустик»',
      en: 'Ontustik Higher Technical College',
    },
    regionId: 'shymkent',
    registered: { year: 2000, month: 10 },
  },
];

export function demoColleges(rng: Rng): College[] {
  return collegeSpecs.map(({ registered, ...college }) => ({
    ...college,
    bin: syntheticBin(rng, registered),
  }));
}
