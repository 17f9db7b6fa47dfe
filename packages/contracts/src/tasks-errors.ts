// Error codes of five-clears tasks: tasks, cascades, clear-sets and plan settings (spread into
// ERROR_CATALOGUE). Progress reports have their own (task-reports-errors.ts).
export const TASK_ERRORS = {
  TASK_NOT_FOUND: { status: 404, vi: "Không tìm thấy nhiệm vụ.", en: "Task not found." },
  TASK_VERSION_CONFLICT: {
    status: 409,
    vi: "Nhiệm vụ vừa được người khác sửa. Hãy tải lại để xem thay đổi rồi sửa tiếp.",
    en: "Someone else has just changed this task. Reload to see their change, then edit again.",
  },
  TASK_DATE_ORDER: {
    status: 400,
    vi: "Hạn hoàn thành phải từ ngày bắt đầu trở đi.",
    en: "The due date must not be before the start date.",
  },
  TASK_MILESTONE_DATE_ORDER: {
    status: 400,
    vi: "Mốc tiến độ phải nằm trong khoảng từ ngày bắt đầu đến hạn hoàn thành của nhiệm vụ.",
    en: "A milestone must fall between the task's start and due dates.",
  },
  TASK_PARENT_CYCLE: {
    status: 400,
    vi: "Không thể đặt nhiệm vụ dưới chính nó hoặc dưới một nhiệm vụ con của nó.",
    en: "A task cannot be placed under itself or under one of its own sub-tasks.",
  },
  TASK_PARENT_NOT_FOUND: {
    status: 400,
    vi: "Không tìm thấy nhiệm vụ cấp trên đã chọn.",
    en: "The parent task chosen was not found.",
  },
  TASK_PARENT_OUTSIDE_SCOPE: {
    status: 400,
    vi: "Không thể đặt nhiệm vụ dưới nhiệm vụ cấp trên đã chọn: chỉ đơn vị chủ trì nhiệm vụ đó (hoặc tổ chức giao, khi chưa có đơn vị chủ trì) chia được nó, và nhiệm vụ con phải do chính đơn vị ấy hoặc tổ chức trực thuộc giao.",
    en: "The task cannot go under the parent chosen: only that task's lead unit (or, while it has no lead, the organisation that assigned it) may split it, and a sub-task must be assigned by that unit or one below it.",
  },
  TASK_PARENT_NOT_ACTIVE: {
    status: 409,
    vi: "Nhiệm vụ cấp trên đã chọn đang tạm dừng hoặc đã bị hủy; hãy cho thực hiện lại trước khi thêm nhiệm vụ con.",
    en: "The parent task chosen is paused or cancelled; resume it before adding sub-tasks.",
  },
  TASK_SPLIT_HAS_REPORTS: {
    status: 409,
    vi: "Nhiệm vụ đã có báo cáo tiến độ nên không thể chia thành nhiệm vụ con: tiến độ của nhiệm vụ được chia chỉ tính từ các nhiệm vụ con, các báo cáo đó sẽ không còn được tính. Hãy giao việc tiếp bằng một nhiệm vụ mới.",
    en: "The task already has progress reports, so it cannot be split into sub-tasks: a split task's progress comes from its sub-tasks only, and those reports would no longer count. Assign the further work as a new task.",
  },
  TASK_CASCADE_DUE_AFTER_PARENT: {
    status: 400,
    vi: "Hạn hoàn thành của các nhiệm vụ con không được sau hạn hoàn thành của chính nhiệm vụ này.",
    en: "The sub-tasks' due date cannot be after this task's own due date.",
  },
  TASK_PLAN_NOT_FOUND: {
    status: 400,
    vi: "Không tìm thấy kế hoạch đã chọn trong sổ văn bản.",
    en: "The plan chosen was not found in the register.",
  },
  TASK_PLAN_NOT_A_PLAN: {
    status: 400,
    vi: "Văn bản đã chọn không phải kế hoạch, chương trình hay đề án.",
    en: "The document chosen is not a plan, programme or scheme.",
  },
  TASK_OWNER_OUTSIDE_SCOPE: {
    status: 400,
    vi: "Bạn không có quyền giao nhiệm vụ thay cho tổ chức này.",
    en: "You may not assign tasks on behalf of this organisation.",
  },
  TASK_ORG_UNKNOWN: {
    status: 400,
    vi: "Không tìm thấy tổ chức đã chọn, hoặc tổ chức đã giải thể.",
    en: "The organisation chosen was not found or is no longer active.",
  },
  TASK_ORG_OUTSIDE_OWNER: {
    status: 400,
    vi: "Đơn vị chủ trì, phối hợp phải là tổ chức giao nhiệm vụ, tổ chức trực thuộc hoặc ban, cơ quan của cùng cấp ủy.",
    en: "Lead and supporting units must be the assigning organisation, one below it, or a department of the same committee.",
  },
  TASK_RESPONSIBLE_UNKNOWN: {
    status: 400,
    vi: "Không tìm thấy tài khoản người chịu trách nhiệm trong cấp ủy giao nhiệm vụ, hoặc tài khoản đã bị khóa.",
    en: "The responsible person's account was not found within the assigning committee, or it is disabled.",
  },
  TASK_STATE_REASON_REQUIRED: {
    status: 400,
    vi: "Hãy ghi lý do tạm dừng hoặc hủy nhiệm vụ.",
    en: "Give the reason for pausing or cancelling the task.",
  },
  TASK_STATE_ANCESTOR_STOPPED: {
    status: 409,
    vi: "Nhiệm vụ cấp trên của nhiệm vụ này đang tạm dừng hoặc đã hủy. Hãy cho nhiệm vụ cấp trên thực hiện tiếp trước.",
    en: "A task above this one is paused or cancelled. Resume that task first.",
  },
  TASK_STATE_UNCHANGED: {
    status: 409,
    vi: "Nhiệm vụ đã ở trạng thái này.",
    en: "The task is already in this state.",
  },
  TASK_CANCELLED: {
    status: 409,
    vi: "Nhiệm vụ đã bị hủy; hãy cho thực hiện lại trước khi sửa hoặc giao tiếp.",
    en: "The task is cancelled; resume it before editing or assigning it further.",
  },
  TASK_CASCADE_TARGET_OUTSIDE_SCOPE: {
    status: 400,
    vi: "Chỉ giao được cho tổ chức đang hoạt động, trực thuộc đơn vị chủ trì và trong phạm vi bạn quản lý.",
    en: "Only active organisations below the lead unit and within your scope can be assigned.",
  },
  TASK_CASCADE_TYPE_UNKNOWN: {
    status: 400,
    vi: "Loại tổ chức đã chọn không có trong danh mục.",
    en: "The organisation type chosen is not in the list.",
  },
  TASK_CASCADE_NO_TARGETS: {
    status: 400,
    vi: "Không có tổ chức nào thuộc loại đã chọn trong phạm vi này.",
    en: "No organisation of the chosen types lies in this scope.",
  },
  TASK_CASCADE_TOO_MANY_TARGETS: {
    status: 400,
    vi: "Chọn quá nhiều tổ chức cho một lần giao; hãy giao theo từng phạm vi nhỏ hơn.",
    en: "Too many organisations for one assignment; assign within smaller scopes.",
  },
  TASK_CASCADE_NO_LEAD: {
    status: 409,
    vi: "Nhiệm vụ chưa có đơn vị chủ trì nên chưa thể giao tiếp xuống.",
    en: "The task has no lead unit yet, so it cannot be assigned further down.",
  },
  TASK_TARGET_DIVISION: {
    status: 400,
    vi: "Chỉ tiêu chia cho các tổ chức không khớp với chỉ tiêu của nhiệm vụ.",
    en: "The targets divided among the organisations do not match the task's target.",
  },
  TASK_TARGET_DIVISION_NO_TARGET: {
    status: 400,
    vi: "Nhiệm vụ chưa có chỉ tiêu bằng số nên không thể chia chỉ tiêu.",
    en: "The task has no numeric target to divide.",
  },
  CLEAR_SET_VERSION_CONFLICT: {
    status: 409,
    vi: "Bộ tiêu chí “rõ” vừa được người khác sửa. Hãy tải lại rồi sửa tiếp.",
    en: "Someone else has just changed this set of clears. Reload, then edit again.",
  },
  CLEAR_SET_DUPLICATE_KEY: {
    status: 400,
    vi: "Mỗi tiêu chí “rõ” cần một mã riêng, không trùng nhau.",
    en: "Each clear needs its own key; keys must not repeat.",
  },
  TASK_PLAN_VERSION_CONFLICT: {
    status: 409,
    vi: "Cách tính tiến độ của kế hoạch vừa được người khác đổi. Hãy tải lại rồi chọn lại.",
    en: "Someone else has just changed how this plan's progress is computed. Reload, then choose again.",
  },
} as const;
