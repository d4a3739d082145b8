import { defineNamespace } from './messages';

/** Why the organiser API refuses a change (server errors shown on the organiser screens). */
export const admin = defineNamespace({
  en: {
    refused: {
      idTaken: 'A record with this id already exists',
      unknownProfile: 'Unknown rules profile "{{profileId}}"',
      unknownCollege: 'College "{{college}}" is not registered; register it first',
      iinRegistered: 'A person with this IIN is already registered in this competition',
      schemeFrozen: 'Marks have been recorded, so the marking scheme can no longer be replaced',
      noScheme: 'This competition has no marking scheme yet',
      datesReversed: 'The championship cannot end before it starts',
    },
  },
  ru: {
    refused: {
      idTaken: 'Запись с таким идентификатором уже существует',
      unknownProfile: 'Неизвестный профиль правил «{{profileId}}»',
      unknownCollege: 'Колледж «{{college}}» не зарегистрирован; сначала добавьте его',
      iinRegistered: 'Участник с таким ИИН уже зарегистрирован в этой компетенции',
      schemeFrozen: 'Оценки уже выставляются, поэтому схему оценки заменить нельзя',
      noScheme: 'У этой компетенции ещё нет схемы оценки',
      datesReversed: 'Чемпионат не может закончиться раньше, чем начнётся',
    },
  },
  kk: {
    refused: {
      idTaken: 'Осындай идентификаторы бар жазба бұрыннан бар',
      unknownProfile: '«{{profileId}}» ережелер профилі белгісіз',
      unknownCollege: '«{{college}}» колледжі тіркелмеген; алдымен оны қосыңыз',
      iinRegistered: 'Осы ЖСН-мен адам бұл құзыретте бұрыннан тіркелген',
      schemeFrozen: 'Бағалар қойыла бастады, сондықтан бағалау схемасын ауыстыруға болмайды',
      noScheme: 'Бұл құзыреттің әлі бағалау схемасы жоқ',
      datesReversed: 'Чемпионат басталмай тұрып аяқтала алмайды',
    },
  },
});
