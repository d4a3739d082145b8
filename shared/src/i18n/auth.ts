import { defineNamespace } from './messages';

/** Sign-in refusals and the names of account scopes (server errors, account screens). */
export const auth = defineNamespace({
  en: {
    refused: {
      wrongPassword: 'Wrong email or password',
      wrongPin: 'Wrong PIN for this competition, or the PIN has been revoked',
      wrongLink: 'This sign-in link is no longer valid; ask your chief expert for a new one',
      accountDisabled: 'This account is disabled; contact the organiser',
      emailTaken: 'An account with this email already exists',
    },
    scope: {
      all: 'All championships',
      championships: 'Selected championships',
      college: 'One college',
    },
  },
  ru: {
    refused: {
      wrongPassword: 'Неверный адрес электронной почты или пароль',
      wrongPin: 'PIN-код не подходит для этой компетенции или был отозван',
      wrongLink: 'Ссылка для входа больше не действует; попросите новую у главного эксперта',
      accountDisabled: 'Учётная запись отключена; обратитесь к организатору',
      emailTaken: 'Учётная запись с таким адресом электронной почты уже существует',
    },
    scope: {
      all: 'Все чемпионаты',
      championships: 'Выбранные чемпионаты',
      college: 'Один колледж',
    },
  },
  kk: {
    refused: {
      wrongPassword: 'Электрондық пошта немесе құпиясөз қате',
      wrongPin: 'PIN-код бұл құзыретке сәйкес келмейді немесе оның күші жойылған',
      wrongLink: 'Кіру сілтемесі енді жарамсыз; бас сарапшыдан жаңасын сұраңыз',
      accountDisabled: 'Тіркелгі өшірілген; ұйымдастырушыға хабарласыңыз',
      emailTaken: 'Бұл электрондық поштамен тіркелгі бұрыннан бар',
    },
    scope: {
      all: 'Барлық чемпионаттар',
      championships: 'Таңдалған чемпионаттар',
      college: 'Бір колледж',
    },
  },
});
