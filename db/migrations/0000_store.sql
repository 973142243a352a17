CREATE TABLE `agreement_ceilings` (
	`benchmark_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`raters` integer NOT NULL,
	`videos` integer NOT NULL,
	`single_rater` real NOT NULL,
	`reliability` real NOT NULL,
	`ceiling` real NOT NULL,
	`ci_low` real,
	`ci_high` real,
	PRIMARY KEY(`benchmark_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `anchor_agreements` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`rater` text NOT NULL,
	`anchors` integer NOT NULL,
	`agreement` real NOT NULL,
	`ci_low` real,
	`ci_high` real,
	PRIMARY KEY(`benchmark_id`, `entry_id`, `perspective_id`, `rater`)
);
--> statement-breakpoint
CREATE TABLE `anchor_checks` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`lack_of_fit_f` real,
	`lack_of_fit_df` integer,
	`lack_of_fit_p` real,
	`reliability` real,
	`panel_raters` real NOT NULL,
	`ceiling` real,
	`entry_mean` real,
	`anchor_low` real NOT NULL,
	`anchor_high` real NOT NULL,
	PRIMARY KEY(`benchmark_id`, `entry_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `anchor_fits` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`anchors` integer NOT NULL,
	`raters` integer NOT NULL,
	`intercept` real NOT NULL,
	`slope` real NOT NULL,
	`agreement` real NOT NULL,
	PRIMARY KEY(`benchmark_id`, `entry_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `anchor_flags` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`message` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `entry_id`, `perspective_id`, `kind`, `subject`)
);
--> statement-breakpoint
CREATE TABLE `anchors` (
	`benchmark_id` text NOT NULL,
	`video_id` text NOT NULL,
	`position` integer NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `video_id`)
);
--> statement-breakpoint
CREATE TABLE `audit` (
	`benchmark_id` text NOT NULL,
	`position` integer NOT NULL,
	`entry_id` text,
	`ours` real,
	`difference` real,
	`agrees` integer NOT NULL,
	`variant_value` real,
	`variant_agrees` integer,
	PRIMARY KEY(`benchmark_id`, `position`)
);
--> statement-breakpoint
CREATE TABLE `benchmarks` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`version` text NOT NULL,
	`summary` text NOT NULL,
	`paper_title` text NOT NULL,
	`paper_url` text NOT NULL,
	`citation` text NOT NULL,
	`license` text,
	`homepage` text,
	`data_url` text,
	`labels_public` integer NOT NULL,
	`prompt_count` integer,
	`dimension_count` integer,
	`video_count` integer,
	`t2v_model_count` integer,
	`mos_count` integer,
	`qa_count` integer,
	`dimensions_note` text,
	`dataset_json` text,
	`protocol_json` text NOT NULL,
	`anchoring_json` text,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `board_columns` (
	`benchmark_id` text NOT NULL,
	`board` text NOT NULL,
	`key` text NOT NULL,
	`perspective_id` text NOT NULL,
	`metric` text NOT NULL,
	`label` text NOT NULL,
	`higher_is_better` integer NOT NULL,
	`ranked` integer NOT NULL,
	`note` text,
	`position` integer NOT NULL,
	PRIMARY KEY(`benchmark_id`, `board`, `key`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calibration_checks` (
	`benchmark_id` text NOT NULL,
	`evaluator_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`t2v_entry_id` text NOT NULL,
	`observed` real NOT NULL,
	`predicted` real NOT NULL,
	`evaluator_mean` real NOT NULL,
	`model_predicted` real,
	`items` integer NOT NULL,
	PRIMARY KEY(`benchmark_id`, `evaluator_id`, `perspective_id`, `t2v_entry_id`)
);
--> statement-breakpoint
CREATE TABLE `calibrations` (
	`benchmark_id` text NOT NULL,
	`evaluator_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`intercept` real NOT NULL,
	`slope` real NOT NULL,
	`range_low` real NOT NULL,
	`range_high` real NOT NULL,
	`items` integer NOT NULL,
	`held_out_rmse` real,
	`models` integer NOT NULL,
	`model_intercept` real,
	`model_slope` real,
	`model_rmse` real,
	`baseline_rmse` real,
	`conformal_half_width` real,
	`refusal` text,
	PRIMARY KEY(`benchmark_id`, `evaluator_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `column_ranks` (
	`benchmark_id` text NOT NULL,
	`board` text NOT NULL,
	`dimension` text NOT NULL,
	`entry_id` text NOT NULL,
	`column_key` text NOT NULL,
	`rank` integer,
	`rank_best` integer,
	`rank_worst` integer,
	PRIMARY KEY(`benchmark_id`, `board`, `dimension`, `entry_id`, `column_key`)
);
--> statement-breakpoint
CREATE TABLE `dimensions` (
	`benchmark_id` text NOT NULL,
	`id` text NOT NULL,
	`label` text NOT NULL,
	`group` text,
	`description` text,
	`position` integer NOT NULL,
	PRIMARY KEY(`benchmark_id`, `id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `draws` (
	`benchmark_id` text NOT NULL,
	`board` text NOT NULL,
	`dimension` text NOT NULL,
	`entry_id` text NOT NULL,
	`column_key` text NOT NULL,
	`values` blob NOT NULL,
	PRIMARY KEY(`benchmark_id`, `board`, `dimension`, `entry_id`, `column_key`)
);
--> statement-breakpoint
CREATE TABLE `entry_provenance` (
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`kind` text NOT NULL,
	`produced_by` text NOT NULL,
	`sampled_by` text NOT NULL,
	`evaluated_by` text NOT NULL,
	`code_url` text,
	`weights_url` text,
	`date` text,
	`source` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `direction`, `entry_id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `generation_cards` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`card_json` text NOT NULL,
	`source` text NOT NULL,
	`note` text,
	PRIMARY KEY(`benchmark_id`, `entry_id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ground_truth` (
	`benchmark_id` text NOT NULL,
	`video_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`mos` real,
	`raw_mos` real,
	`sd` real,
	`count` integer,
	`answer` text,
	`question` text,
	PRIMARY KEY(`benchmark_id`, `video_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `perspectives` (
	`benchmark_id` text NOT NULL,
	`id` text NOT NULL,
	`label` text NOT NULL,
	`description` text NOT NULL,
	`kind` text NOT NULL,
	`scale` text,
	`range_min` real,
	`range_max` real,
	`position` integer NOT NULL,
	PRIMARY KEY(`benchmark_id`, `id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `predictions` (
	`benchmark_id` text NOT NULL,
	`v2t_entry_id` text NOT NULL,
	`video_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`score` real,
	`answer` text,
	PRIMARY KEY(`benchmark_id`, `v2t_entry_id`, `video_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `prompt_dimensions` (
	`benchmark_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`dimension_id` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `prompt_id`, `dimension_id`)
);
--> statement-breakpoint
CREATE TABLE `prompts` (
	`benchmark_id` text NOT NULL,
	`id` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `published_checks` (
	`benchmark_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`board` text NOT NULL,
	`dimension` text NOT NULL,
	`entry_name` text NOT NULL,
	`perspective_id` text,
	`metric` text NOT NULL,
	`published` real NOT NULL,
	`decimals` integer NOT NULL,
	`source` text NOT NULL,
	`note` text,
	`variant` text,
	PRIMARY KEY(`benchmark_id`, `position`)
);
--> statement-breakpoint
CREATE TABLE `rankings` (
	`benchmark_id` text NOT NULL,
	`board` text NOT NULL,
	`dimension` text NOT NULL,
	`entry_id` text NOT NULL,
	`rank` integer,
	`rank_sum` integer,
	`position` integer NOT NULL,
	`rank_best` integer,
	`rank_worst` integer,
	`separable_from_next` integer,
	`unranked_reason` text,
	PRIMARY KEY(`benchmark_id`, `board`, `dimension`, `entry_id`)
);
--> statement-breakpoint
CREATE TABLE `ratings` (
	`benchmark_id` text NOT NULL,
	`batch` text NOT NULL,
	`video_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`rater` text NOT NULL,
	`score` integer NOT NULL,
	PRIMARY KEY(`benchmark_id`, `batch`, `video_id`, `perspective_id`, `rater`)
);
--> statement-breakpoint
CREATE TABLE `results` (
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`level` text NOT NULL,
	`dimension` text NOT NULL,
	`perspective_id` text NOT NULL,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	`ci_low` real,
	`ci_high` real,
	`ci_note` text,
	`n` integer,
	`provenance` text NOT NULL,
	`source` text,
	PRIMARY KEY(`benchmark_id`, `direction`, `entry_id`, `level`, `dimension`, `perspective_id`, `metric`)
);
--> statement-breakpoint
CREATE INDEX `results_board` ON `results` (`benchmark_id`,`direction`,`level`,`dimension`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`manifest_json` text NOT NULL,
	`path` text NOT NULL,
	`origin` text NOT NULL,
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `t2v_entries` (
	`benchmark_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`organization` text,
	`access` text,
	`url` text,
	`is_reference` integer NOT NULL,
	`source` text NOT NULL,
	`evaluator_id` text,
	`license` text,
	`method` text,
	`submission_id` text,
	PRIMARY KEY(`benchmark_id`, `id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_data` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`trained_on_benchmark` text NOT NULL,
	`datasets_json` text,
	`source` text,
	`note` text,
	PRIMARY KEY(`benchmark_id`, `entry_id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `v2t_entries` (
	`benchmark_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`organization` text,
	`url` text,
	`size` text,
	`license` text,
	`method` text,
	`submission_id` text,
	PRIMARY KEY(`benchmark_id`, `id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `verifications` (
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`verified_by` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`checked` text NOT NULL,
	`sample_size` integer NOT NULL,
	`seed` integer NOT NULL,
	`path` text NOT NULL,
	`evidence_path` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `direction`, `entry_id`)
);
--> statement-breakpoint
CREATE TABLE `videos` (
	`benchmark_id` text NOT NULL,
	`id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`t2v_entry_id` text NOT NULL,
	`is_reference` integer NOT NULL,
	`labelled` integer NOT NULL,
	`split` text,
	PRIMARY KEY(`benchmark_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `videos_entry` ON `videos` (`benchmark_id`,`t2v_entry_id`);--> statement-breakpoint
CREATE TABLE `withdrawals` (
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`withdrawn_by` text NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`path` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `direction`, `entry_id`)
);
