/*
 * CheckupFlow additions to the stock Camunda 7 Tasklist (loaded through config.js customScripts).
 *
 * 1. form-js writes its validation messages in English only: they are put in Korean as they appear
 *    (English stays for browsers that prefer English). form-js may render the message again into the same element
 *    after it was put in Korean (the English then follows the Korean), so a message is found anywhere in the text.
 * 2. The stock Tasklist offers Claim / Unclaim / Reset assignee on every task the user can read. Coordinators,
 *    head physicians and managers read tasks they may not work on (no TASK_WORK on the task), where these
 *    buttons can only fail; for such a task the page is marked read-only (body class cf-task-read-only, see
 *    styles/user-styles.css) and says why.
 */
const korean = !(navigator.language || 'ko').toLowerCase().startsWith('en');

const MESSAGES = [
  [/Field is required\.$/, () => '필수 입력 항목입니다.'],
  [/Field must have minimum value of (.+)\.$/, (m) => `${m[1]} 이상이어야 합니다.`],
  [/Field must have maximum value of (.+)\.$/, (m) => `${m[1]} 이하여야 합니다.`],
  [/Field must have minimum length of (.+)\.$/, (m) => `${m[1]}자 이상 입력하세요.`],
  [/Field must have maximum length of (.+)\.$/, (m) => `${m[1]}자 이하로 입력하세요.`],
  [/Field must match pattern (.+)\.$/, () => '입력 형식이 맞지 않습니다.'],
  [/Value is not a number\.$/, () => '숫자를 입력하세요.'],
  [/Field must be a valid email\.$/, () => '올바른 전자우편 주소를 입력하세요.']
];

function translateErrors(root) {
  if (!korean || !root.querySelectorAll) {
    return;
  }
  root.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span').forEach((el) => {
    if (el.children.length) {
      return;
    }
    const text = el.textContent.trim();
    for (const [pattern, korean] of MESSAGES) {
      const m = text.match(pattern);
      if (m) {
        el.textContent = korean(m);
        break;
      }
    }
  });
}

const engineApi = () => {
  const base = document.querySelector('base');
  return (base && base.getAttribute('engine-api')) || '/camunda/api/engine/';
};

let checkedTask = null;
let me = null;

function param(name) {
  const match = window.location.href.match(new RegExp(`[?&]${name}=([^&#]+)`));
  return match ? decodeURIComponent(match[1]) : null;
}

async function get(path) {
  const response = await fetch(engineApi() + path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return response.json();
}

/** The logged-in user and the groups (roles) they belong to. */
async function currentUser() {
  if (!me) {
    const base = document.querySelector('base');
    const adminApi = (base && base.getAttribute('admin-api')) || '/camunda/api/admin/';
    const auth = await (await fetch(`${adminApi}auth/user/default`, {credentials: 'same-origin'})).json();
    const groups = await get(`engine/default/group?member=${encodeURIComponent(auth.userId)}`);
    me = {id: auth.userId, groups: groups.map((g) => g.id)};
  }
  return me;
}

let noData = false;

/**
 * Marks the open task read only; with noData the user may not read its variables either (a manager: the engine
 * enforces a variable permission, see AuthorizationSetup version 7), so the note says why the form stays closed.
 */
function markReadOnly(readOnly) {
  document.body.classList.toggle('cf-task-read-only', readOnly);
  document.body.classList.toggle('cf-task-no-data', readOnly && noData);
  const details = document.querySelector('.task-card');
  let note = document.getElementById('cf-read-only-note');
  if (readOnly && details && !note) {
    note = document.createElement('div');
    note.id = 'cf-read-only-note';
    note.className = 'alert alert-info';
    note.textContent = korean
      ? '열람 전용: 이 작업은 담당 역할(후보 그룹)만 맡고 완료할 수 있습니다.'
        + (noData ? ' 이 역할은 환자의 검사 결과와 연락처를 볼 수 없어(개인정보 보호) 양식을 열지 않습니다.' : '')
      : 'Read only: only the role this task is for can claim and complete it.'
        + (noData ? ' This role may not read the patient\'s results and contacts (privacy), so the form stays closed.' : '');
    details.insertBefore(note, details.firstChild);
  } else if (!readOnly && note) {
    note.remove();
  }
}

/**
 * A user works on a task as a member of one of its candidate groups (the engine grants them TASK_WORK on it),
 * as its assignee, or as an administrator; anyone else only reads it.
 */
async function checkTask() {
  const taskId = param('task');
  if (taskId === checkedTask) {
    return;
  }
  checkedTask = taskId;
  if (!taskId) {
    noData = false;
    markReadOnly(false);
    return;
  }
  try {
    const [user, task, links] = await Promise.all([currentUser(), get(`engine/default/task/${taskId}`),
      get(`engine/default/task/${taskId}/identity-links?type=candidate`)]);
    const works = user.groups.includes('camunda-admin') || task.assignee === user.id
      || links.some((l) => (l.groupId && user.groups.includes(l.groupId)) || l.userId === user.id);
    const readable = works || (await fetch(`${engineApi()}engine/default/task/${taskId}/form-variables?variableNames=formLanguage`,
      {headers: {Accept: 'application/json'}, credentials: 'same-origin'})).status !== 403;
    if (checkedTask === taskId) {
      noData = !readable;
      document.getElementById('cf-read-only-note')?.remove();
      markReadOnly(!works);
    }
  } catch (e) {
    console.warn('CheckupFlow: could not check whether the task is read only', e);
  }
}

new MutationObserver(() => {
  translateErrors(document);
  if (document.body.classList.contains('cf-task-read-only') && !document.getElementById('cf-read-only-note')) {
    markReadOnly(true);
  }
  checkTask();
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
window.addEventListener('hashchange', checkTask);

export default [];
