// State and mercenary spyware, and phone-extraction agents, seen on Android and
// published with package names or APK signing-certificate hashes. Written by
// hand: every value below was read in the indicator file named in its entry's
// `source` (the public report it accompanies is named in the comment above
// it). Nothing is added from memory; families whose reports publish no package
// name or certificate (Pegasus, Predator, Triangulation…) are not here.
import type { IndicatorSet } from '../indicators.js';

export const STATE_SPYWARE: IndicatorSet = {
  id: 'state-spyware',
  source: 'Amnesty International, RSF, RESIDENT.NGO, Google TAG, Lookout, Citizen Lab (MVT)',
  date: '2026-01-22',
  families: [
    // Amnesty International, "A Digital Prison": Surveillance and the suppression of
    // civil society in Serbia, 16 December 2024
    // (securitylab.amnesty.org/latest/2024/12/serbia-a-digital-prison-spyware-and-cellebrite-used-on-journalists-and-activists/).
    // Installed by police and BIA on phones held during interviews.
    {
      name: 'NoviSpy',
      type: 'spyware',
      packages: ['com.serv.services', 'com.accesibilityservice', 'com.li.activity', 'com.gu.activity'],
      certificates: [
        '3AC97735164824657B683E805133B1274B2DEDABF9FDD6AA9ACA31089D501E64',
        '35926E966186C8F2DEEC66864389D73989C75C85CB6668DA2F455DB6FE67E91F',
        '38693E1EA0FBF39D28F66B1714FDEED4E23B3973276481097D2D66E87F3647EB',
      ],
      source: 'https://github.com/AmnestyTech/investigations/tree/master/2024-12-16_serbia_novispy',
      date: '2024-12-16',
    },
    // Reporters Without Borders and RESIDENT.NGO, spyware installed by the Belarusian
    // KGB on a journalist's phone during questioning, December 2025
    // (rsf.org/en/exclusive-rsf-uncovers-new-spyware-belarus).
    {
      name: 'ResidentBat',
      type: 'spyware',
      packages: [
        'com.google.android.service',
        'com.google.bat',
        'com.huaweisettingsapp.mkz',
        'com.linkedln.service',
        'com.oneplussync.bat',
        'cm.google.android.apps.assistant',
        'com.android.framework.safety',
        'com.hihonor.core.service',
      ],
      certificates: [
        '18AFC5C6BFAEE504A26291F6BF3E6F823DBEDD54BBA0C4ACAC2E7C2414B3E24D',
        'C1884E617348EBBDFE7CFE5FC99945B37296D6EBC6059BB74FBAEEA277D32941',
        'E5016F3CFB937D502DABEDC32CA3BDEF3BBCCE032FB3B1BFF3B9C6482895F4FD',
        'D12616542268D32329F1C4357B5D5A57E954E13D2338D27BB8439794291B8C6D',
        '3E9F1192E33CB851B48479629C93D29770A4F76AF00F1E42A3C6E7F97DB62C79',
        '6782039A81A85264ACDC6AF0973B225ADA6009F76FAAE7F948A1DE040BB32F0C',
        'A6A067B0D899FB514B7B4597D4FE16FCD4D7E5C361F6C84B3D45ED7E394036C7',
        '6D6278FFC80AD9DD1B1C6B445847CE108F3EA5CE349F232689E9B8C1FD10801E',
      ],
      source: 'https://github.com/mvt-project/mvt-indicators/tree/main/ResidentBat',
      date: '2025-12-17',
    },
    // Google Threat Analysis Group, "Spyware vendor targets users in Italy and
    // Kazakhstan", 23 June 2022 (blog.google/threat-analysis-group/italian-spyware-vendor-targets-users-in-italy-and-kazakhstan/),
    // and Lookout's Hermit report. RCS Lab's Hermit spyware.
    {
      name: 'Hermit (RCS Lab)',
      type: 'spyware',
      packages: ['com.androidservices.support', 'com.vodaservices', 'com.fintur.support', 'com.xdja.safekeyservice', 'com.xdja.jxclient'],
      certificates: [],
      source: 'https://github.com/mvt-project/mvt-indicators/tree/main/2022-06-23_rcs_lab',
      date: '2022-06-23',
    },
    // Lookout, "WyrmSpy and DragonEgg" surveillanceware attributed to APT41, July 2023
    // (lookout.com/threat-intelligence/article/wyrmspy-dragonegg-surveillanceware-apt41).
    {
      name: 'WyrmSpy / DragonEgg',
      type: 'spyware',
      packages: [
        'com.android.system.configs.service',
        'com.hx.rootwifi',
        'com.adobe.flash.listen.beta',
        'com.adobe.flash.jni',
        'com.adobe.flash.dex',
        'remote.google.rt.googleservice',
        'xx.an',
      ],
      certificates: [],
      source: 'https://github.com/mvt-project/mvt-indicators/tree/main/2023-07-25_wyrmspy_dragonegg',
      date: '2023-07-25',
    },
    // Citizen Lab, "From Protest to Peril: Cellebrite Used Against Jordanian Civil
    // Society", January 2026 (citizenlab.ca/research/from-protest-to-peril-cellebrite-used-against-jordanian-civil-society/).
    // An agent app Cellebrite's extraction can leave behind: the phone was in someone else's hands.
    {
      name: 'Cellebrite extraction agent',
      type: 'forensic',
      packages: ['com.client.appA'],
      certificates: [],
      source: 'https://github.com/mvt-project/mvt-indicators/tree/main/cellebrite',
      date: '2026-01-22',
    },
  ],
};
