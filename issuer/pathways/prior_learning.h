// Passerelle — modules awarded from validated prior learning (VAE / RPL).
//
// A module credential can be awarded from assessed professional experience
// instead of a course. It is then influencedBy a LearningActivity whose
// activityType is kPriorLearningActivity and which names the evidence file
// (ELM: the achievement's influencedBy, the activity's dcType); the
// assessment (assessmentType) is the one the programme states. It counts
// towards a certification like any module. Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "formats/status.h"

namespace passerelle {

// Marks an unsigned module credential as awarded from prior learning with
// `evidence_reference` (e.g. the validation file's number). Errors:
// kInvalidArgument (an empty, over-long or control-character reference, or
// a credential without an achievement).
Status AddPriorLearning(nlohmann::json& credential, const std::string& evidence_reference);

}  // namespace passerelle
