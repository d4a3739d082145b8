import { defineNamespace } from './messages';

/** Grade scales of demo exams: scale names, traditional grades, protocol columns, outcomes. */
export const grades = defineNamespace({
  en: {
    scale: {
      'kz-letter@2022': 'Letter-rating scale of Kazakhstan (TVET)',
      'five-point@2022': 'Five-point conversion (Russian demo exam practice)',
    },
    unverified: 'Unverified conversion: no official source confirms it',
    column: {
      letter: 'Letter grade',
      gpa: 'Numeric equivalent (GPA)',
      percent: 'Percent',
      traditional: 'Traditional grade',
      result: 'Result',
    },
    traditional: {
      excellent: 'Excellent',
      good: 'Good',
      satisfactory: 'Satisfactory',
      unsatisfactory: 'Unsatisfactory',
    },
    result: {
      pass: 'Passed',
      fail: 'Failed',
      absent: 'Absent',
      removed: 'Removed from the exam',
      unmarked: 'Not marked',
    },
    setting: {
      cPlusTraditional: 'Traditional grade for C+',
      passPercent: 'Pass threshold, % of max points',
    },
  },
  ru: {
    scale: {
      'kz-letter@2022': 'Буквенно-рейтинговая шкала Казахстана (ТиПО)',
      'five-point@2022': 'Перевод в пятибалльную шкалу (практика демоэкзамена в России)',
    },
    unverified: 'Непроверенная шкала перевода: официальный источник её не подтверждает',
    column: {
      letter: 'Оценка по буквенной системе',
      gpa: 'Цифровой эквивалент',
      percent: 'Процент',
      traditional: 'Оценка по традиционной системе',
      result: 'Результат',
    },
    traditional: {
      excellent: 'Отлично',
      good: 'Хорошо',
      satisfactory: 'Удовлетворительно',
      unsatisfactory: 'Неудовлетворительно',
    },
    result: {
      pass: 'Сдал',
      fail: 'Не сдал',
      absent: 'Не явился',
      removed: 'Удалён с экзамена',
      unmarked: 'Не оценён',
    },
    setting: {
      cPlusTraditional: 'Традиционная оценка для C+',
      passPercent: 'Проходной порог, % от максимального балла',
    },
  },
  kk: {
    scale: {
      'kz-letter@2022': 'Қазақстанның әріптік-рейтингтік шкаласы (ТжКБ)',
      'five-point@2022': 'Бес балдық шкалаға ауыстыру (Ресейдегі демоемтихан тәжірибесі)',
    },
    unverified: 'Тексерілмеген ауыстыру шкаласы: ресми дереккөз оны растамайды',
    column: {
      letter: 'Әріптік жүйе бойынша баға',
      gpa: 'Сандық эквивалент',
      percent: 'Пайыз',
      traditional: 'Дәстүрлі жүйе бойынша баға',
      result: 'Нәтиже',
    },
    traditional: {
      excellent: 'Өте жақсы',
      good: 'Жақсы',
      satisfactory: 'Қанағаттанарлық',
      unsatisfactory: 'Қанағаттанарлықсыз',
    },
    result: {
      pass: 'Тапсырды',
      fail: 'Тапсырмады',
      absent: 'Келмеді',
      removed: 'Емтиханнан шығарылды',
      unmarked: 'Бағаланбаған',
    },
    setting: {
      cPlusTraditional: 'C+ үшін дәстүрлі баға',
      passPercent: 'Өту шегі, ең жоғары балдың %-ы',
    },
  },
});
